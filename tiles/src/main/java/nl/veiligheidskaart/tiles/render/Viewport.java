package nl.veiligheidskaart.tiles.render;

import java.awt.geom.AffineTransform;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.tiles.geo.MatrixTile;
import nl.veiligheidskaart.tiles.geo.TileMatrixSet;
import org.locationtech.jts.geom.Envelope;

/**
 * What part of the world a picture shows and how large it is: {@code world} in the projected metres
 * of {@code crs} (Web Mercator, or RD New for tiles of the Dutch tiling), the picture in CSS pixels. A
 * pixel ratio of 2 gives the sharp {@code @2x} image of the same map: styles are in CSS pixels,
 * so lines and symbols keep their apparent size.
 *
 * @param groundMetresPerUnit ground metres per projected unit (1 for RD New; cos(latitude) for Web
 *     Mercator), so that kernels and scale bars can be sized on the ground
 * @param crs the projected CRS of {@code world}: what the layers drawn on it must be in
 */
public record Viewport(Envelope world, int width, int height, double pixelRatio, double groundMetresPerUnit,
    Crs crs) {

  public Viewport {
    if (world.isNull() || world.getWidth() <= 0 || world.getHeight() <= 0) {
      throw new IllegalArgumentException("the viewport needs a world extent with an area, not " + world);
    }
    if (width <= 0 || height <= 0 || !(pixelRatio > 0)) {
      throw new IllegalArgumentException("the viewport needs a positive size and pixel ratio");
    }
  }

  /** The Earth's radius of Web Mercator in metres. */
  private static final double EARTH_RADIUS = 6_378_137;

  /**
   * A tile of 256 CSS pixels in its set's CRS. In Web Mercator its ground scale is that of the tile's
   * centre; RD New is true to scale within 0.01 % over the Netherlands, so one unit is a ground metre.
   */
  public static Viewport ofTile(MatrixTile tile, double pixelRatio) {
    int size = TileMatrixSet.TILE_SIZE;
    return switch (tile.set().crs()) {
      case WEB_MERCATOR -> ofWebMercator(tile.bounds(), size, size, pixelRatio);
      case RD_NEW -> new Viewport(tile.bounds(), size, size, pixelRatio, 1, Crs.RD_NEW);
      case WGS84 -> throw new IllegalArgumentException("tiles are drawn in projected CRSs, not in " + tile.set().crs());
    };
  }

  /** A Web Mercator extent; its ground scale is that of its centre. */
  public static Viewport ofWebMercator(Envelope world, int width, int height, double pixelRatio) {
    // Web Mercator stretches by 1/cos(latitude), and cos(latitude) = 1/cosh(y/R).
    double ground = 1 / Math.cosh(world.centre().y / EARTH_RADIUS);
    return new Viewport(world, width, height, pixelRatio, ground, Crs.WEB_MERCATOR);
  }

  /** The image's size in device pixels. */
  public int imageWidth() {
    return (int) Math.round(width * pixelRatio);
  }

  public int imageHeight() {
    return (int) Math.round(height * pixelRatio);
  }

  /** Projected units per device pixel. */
  public double unitsPerImagePixel() {
    return world.getWidth() / imageWidth();
  }

  /** From projected units to device pixels; y points down. */
  public AffineTransform worldToImage() {
    double scaleX = imageWidth() / world.getWidth();
    double scaleY = imageHeight() / world.getHeight();
    AffineTransform transform = AffineTransform.getScaleInstance(scaleX, -scaleY);
    transform.translate(-world.getMinX(), -world.getMaxY());
    return transform;
  }
}
