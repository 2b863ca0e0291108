package nl.veiligheidskaart.tiles.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.TexturePaint;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import nl.veiligheidskaart.tiles.render.MapLayer.Areas;
import nl.veiligheidskaart.tiles.render.MapLayer.DensitySurface;
import nl.veiligheidskaart.tiles.render.MapLayer.Points;
import nl.veiligheidskaart.tiles.render.MapLayer.StyledArea;
import nl.veiligheidskaart.tiles.render.MapStyle.PointSymbol;
import org.locationtech.jts.awt.ShapeWriter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Draws map layers with Java2D: onto an image for raster tiles and PNG snapshots, or onto any
 * {@link Graphics2D} (a PDF page) for briefings — one renderer, so every output looks alike.
 * Layers are drawn in list order, the first at the bottom.
 */
public final class MapRenderer {

  private MapRenderer() {
  }

  /** A transparent image of the viewport with the layers drawn on it. */
  public static BufferedImage render(Viewport viewport, List<MapLayer> layers) {
    BufferedImage image = new BufferedImage(viewport.imageWidth(), viewport.imageHeight(),
        BufferedImage.TYPE_INT_ARGB);
    Graphics2D graphics = image.createGraphics();
    try {
      draw(graphics, viewport, layers);
    } finally {
      graphics.dispose();
    }
    return image;
  }

  /** Draws into {@code graphics}, whose device space is the viewport's image from (0, 0). */
  public static void draw(Graphics2D graphics, Viewport viewport, List<MapLayer> layers) {
    graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    graphics.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    Shape frame = new Rectangle2D.Double(0, 0, viewport.imageWidth(), viewport.imageHeight());
    Shape previousClip = graphics.getClip();
    graphics.clip(frame);
    try {
      for (MapLayer layer : layers) {
        if (layer instanceof Areas areas) {
          drawAreas(graphics, viewport, areas);
        } else if (layer instanceof Points points) {
          drawPoints(graphics, viewport, points);
        } else if (layer instanceof DensitySurface surface) {
          drawSurface(graphics, viewport, surface);
        }
      }
    } finally {
      graphics.setClip(previousClip);
    }
  }

  /** A PNG of the image. */
  public static byte[] png(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(16_384);
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void drawAreas(Graphics2D graphics, Viewport viewport, Areas layer) {
    ShapeWriter shapes = shapeWriter(viewport);
    Envelope visible = visibleWorld(viewport, 2 * layer.outlineWidth());
    graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, layer.tiling()
        ? RenderingHints.VALUE_ANTIALIAS_OFF : RenderingHints.VALUE_ANTIALIAS_ON);
    for (StyledArea area : layer.areas()) {
      if (!area.geometry().getEnvelopeInternal().intersects(visible)) {
        continue;
      }
      Shape shape = shapes.toShape(area.geometry());
      graphics.setPaint(area.fill());
      graphics.fill(shape);
      if (area.hatched()) {
        graphics.setPaint(hatch(viewport.pixelRatio(), area.fill()));
        graphics.fill(shape);
      }
    }
    if (layer.outline() != null) {
      graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      graphics.setPaint(layer.outline());
      graphics.setStroke(new BasicStroke((float) (layer.outlineWidth() * viewport.pixelRatio())));
      for (StyledArea area : layer.areas()) {
        if (area.geometry().getEnvelopeInternal().intersects(visible)) {
          graphics.draw(shapes.toShape(area.geometry()));
        }
      }
    }
  }

  private static void drawPoints(Graphics2D graphics, Viewport viewport, Points layer) {
    PointSymbol symbol = layer.symbol();
    double radius = symbol.radius() * viewport.pixelRatio();
    AffineTransform toImage = viewport.worldToImage();
    Envelope visible = visibleWorld(viewport, radius + viewport.pixelRatio());
    graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    graphics.setStroke(new BasicStroke((float) viewport.pixelRatio()));
    Point2D.Double at = new Point2D.Double();
    for (Geometry point : layer.points()) {
      Coordinate coordinate = point.getCoordinate();
      if (coordinate == null || !visible.contains(coordinate)) {
        continue;
      }
      at.setLocation(coordinate.x, coordinate.y);
      toImage.transform(at, at);
      Shape mark = symbol.shape() == PointSymbol.Shape.CIRCLE
          ? new Ellipse2D.Double(at.x - radius, at.y - radius, 2 * radius, 2 * radius)
          : new Rectangle2D.Double(at.x - radius, at.y - radius, 2 * radius, 2 * radius);
      graphics.setPaint(symbol.fill());
      graphics.fill(mark);
      graphics.setPaint(symbol.stroke());
      graphics.draw(mark);
    }
  }

  private static void drawSurface(Graphics2D graphics, Viewport viewport, DensitySurface surface) {
    BufferedImage colours = new BufferedImage(surface.columns(), surface.rows(), BufferedImage.TYPE_INT_ARGB);
    for (int row = 0; row < surface.rows(); row++) {
      for (int column = 0; column < surface.columns(); column++) {
        Color colour = MapStyle.densityColour(surface.values()[row * surface.columns() + column] / surface.maximum());
        colours.setRGB(column, row, colour == null ? 0 : colour.getRGB());
      }
    }
    Envelope extent = surface.extent();
    AffineTransform placement = viewport.worldToImage();
    placement.translate(extent.getMinX(), extent.getMaxY());
    placement.scale(extent.getWidth() / surface.columns(), -extent.getHeight() / surface.rows());
    boolean oneToOne = Math.abs(placement.getScaleX() - 1) < 1e-9 && Math.abs(placement.getScaleY() - 1) < 1e-9;
    graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, oneToOne
        ? RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR : RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    graphics.drawImage(colours, placement, null);
  }

  private static ShapeWriter shapeWriter(Viewport viewport) {
    AffineTransform toImage = viewport.worldToImage();
    Point2D.Double at = new Point2D.Double();
    return new ShapeWriter((Coordinate source, Point2D target) -> {
      at.setLocation(source.x, source.y);
      toImage.transform(at, target);
    });
  }

  /** The viewport's world extent grown by {@code pixels} device pixels, to skip what cannot show. */
  private static Envelope visibleWorld(Viewport viewport, double pixels) {
    Envelope visible = new Envelope(viewport.world());
    visible.expandBy(pixels * viewport.unitsPerImagePixel());
    return visible;
  }

  /** Diagonal lines every 6 CSS pixels, over the area's fill. */
  private static TexturePaint hatch(double pixelRatio, Color fill) {
    int size = (int) Math.round(6 * pixelRatio);
    BufferedImage tile = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
    Graphics2D graphics = tile.createGraphics();
    try {
      graphics.setPaint(fill);
      graphics.fillRect(0, 0, size, size);
      graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      graphics.setPaint(MapStyle.HATCH);
      graphics.setStroke(new BasicStroke((float) pixelRatio));
      graphics.drawLine(0, size, size, 0);
    } finally {
      graphics.dispose();
    }
    return new TexturePaint(tile, new Rectangle2D.Double(0, 0, size, size));
  }
}
