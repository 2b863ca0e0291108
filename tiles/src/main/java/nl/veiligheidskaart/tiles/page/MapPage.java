package nl.veiligheidskaart.tiles.page;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import nl.veiligheidskaart.tiles.render.MapRenderer;
import nl.veiligheidskaart.tiles.render.MapStyle.Legend;
import nl.veiligheidskaart.tiles.render.MapStyle.LegendEntry;
import nl.veiligheidskaart.tiles.render.MapStyle;
import nl.veiligheidskaart.tiles.render.Viewport;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.locationtech.jts.geom.Envelope;

/**
 * A map page: classification marking, title and subtitle, the map in a frame with a scale bar and
 * north arrow, the legends beside it, and the notes (period, filters, source) under it. Drawn
 * with Java2D in points, so the same page becomes a PNG at any resolution or a PDF page with the
 * map as vector graphics and its font embedded.
 */
public final class MapPage {

  static final float MARGIN = 28;
  static final float HEADER = 58;
  static final float LEGEND_WIDTH = 165;
  static final float GAP = 12;
  static final float NOTE_LINE = 12;
  /** Raster parts of a PDF map (the heatmap) are drawn at twice 72 dpi. */
  static final double PDF_RASTER_RATIO = 2;
  static final Color MARKING = new Color(0xb0, 0x00, 0x20);
  static final Color TEXT = new Color(0x1a, 0x1a, 0x1a);
  static final Color WATERMARK = new Color(0xb0, 0x00, 0x20, 0x38);
  private static final String FONT_RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
  private static final Font FONT = loadFont();

  private MapPage() {
  }

  /** Where the map goes on the page, in points from the top left. */
  public static Rectangle2D.Float frame(PageFormat page, int noteLines) {
    float top = MARGIN + HEADER;
    float bottom = page.height() - MARGIN - GAP - noteLines * NOTE_LINE;
    return new Rectangle2D.Float(MARGIN, top, page.width() - 2 * MARGIN - LEGEND_WIDTH - GAP, bottom - top);
  }

  /** The map's viewport: the sheet's extent, widened to the frame's shape, around the same centre. */
  public static Viewport viewport(PageFormat page, MapSheet sheet, double pixelRatio) {
    Rectangle2D.Float frame = frame(page, sheet.notes().size());
    Envelope extent = sheet.extent();
    double unitsPerPoint = Math.max(extent.getWidth() / frame.width, extent.getHeight() / frame.height);
    double halfWidth = unitsPerPoint * frame.width / 2;
    double halfHeight = unitsPerPoint * frame.height / 2;
    Envelope world = new Envelope(extent.centre().x - halfWidth, extent.centre().x + halfWidth,
        extent.centre().y - halfHeight, extent.centre().y + halfHeight);
    return Viewport.ofWebMercator(world, Math.round(frame.width), Math.round(frame.height), pixelRatio);
  }

  /** The page as a PNG at {@code dpi} (72 to 600). */
  public static byte[] png(PageFormat page, MapSheet sheet, int dpi) {
    double scale = dpi / 72.0;
    BufferedImage image = new BufferedImage((int) Math.round(page.width() * scale),
        (int) Math.round(page.height() * scale), BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    try {
      graphics.setPaint(Color.WHITE);
      graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
      graphics.scale(scale, scale);
      draw(graphics, page, sheet, scale);
    } finally {
      graphics.dispose();
    }
    return MapRenderer.png(image);
  }

  /** The page as a one-page PDF: vector map, embedded font. */
  public static byte[] pdf(PageFormat page, MapSheet sheet) {
    try (PDDocument document = new PDDocument()) {
      addTo(document, page, sheet);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Adds the page to a PDF document (briefing packs hold several). */
  public static void addTo(PDDocument document, PageFormat page, MapSheet sheet) throws IOException {
    addPdfPage(document, page, graphics -> draw(graphics, page, sheet, PDF_RASTER_RATIO));
  }

  /** A PDF page drawn with Java2D in points: vector graphics, text in the embedded font. */
  static void addPdfPage(PDDocument document, PageFormat page, Consumer<Graphics2D> drawing)
      throws IOException {
    PDPage pdfPage = new PDPage(new PDRectangle(page.width(), page.height()));
    document.addPage(pdfPage);
    PdfBoxGraphics2D graphics = new PdfBoxGraphics2D(document, page.width(), page.height());
    PdfBoxGraphics2DFontTextDrawer fonts = new PdfBoxGraphics2DFontTextDrawer();
    try (InputStream font = MapPage.class.getResourceAsStream(FONT_RESOURCE)) {
      fonts.registerFont(FONT.getFontName(), font);
    }
    graphics.setFontTextDrawer(fonts);
    try {
      graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      drawing.accept(graphics);
    } finally {
      graphics.dispose();
    }
    PDFormXObject form = graphics.getXFormObject();
    try (PDPageContentStream content = new PDPageContentStream(document, pdfPage)) {
      content.drawForm(form);
    }
  }

  /**
   * Draws the page in points onto {@code graphics}; {@code mapPixelRatio} device pixels per point
   * for the raster parts of the map.
   */
  public static void draw(Graphics2D graphics, PageFormat page, MapSheet sheet, double mapPixelRatio) {
    graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    text(graphics, sheet.marking(), 9, MARKING, page.width() / 2 - width(graphics, sheet.marking(), 9) / 2,
        MARGIN - 8);
    text(graphics, sheet.title(), 18, TEXT, MARGIN, MARGIN + 20);
    if (sheet.subtitle() != null && !sheet.subtitle().isBlank()) {
      text(graphics, sheet.subtitle(), 11, TEXT, MARGIN, MARGIN + 38);
    }
    Rectangle2D.Float frame = frame(page, sheet.notes().size());
    Viewport viewport = viewport(page, sheet, mapPixelRatio);
    drawMap(graphics, frame, viewport, sheet);
    drawNorthArrow(graphics, frame);
    drawScaleBar(graphics, frame, viewport);
    drawLegends(graphics, sheet.legends(), frame.x + frame.width + GAP, frame.y, frame.y + frame.height);
    float y = frame.y + frame.height + GAP + 6;
    for (String note : sheet.notes()) {
      text(graphics, note, 8, TEXT, MARGIN, y);
      y += NOTE_LINE;
    }
    text(graphics, sheet.marking(), 9, MARKING, page.width() / 2 - width(graphics, sheet.marking(), 9) / 2,
        page.height() - MARGIN / 2);
    watermark(graphics, page, sheet.watermark());
  }

  /**
   * The watermark's text, large, translucent and diagonal, twice along the page's diagonal: in the
   * lower left and the upper right quarter, so that it crosses the page but leaves its centre (the
   * map's centre, often the point of the page) clear.
   */
  static void watermark(Graphics2D graphics, PageFormat page, Watermark watermark) {
    if (watermark == null) {
      return;
    }
    double angle = Math.atan2(page.height(), page.width());
    float size = (float) (Math.hypot(page.width(), page.height()) * 0.3 / Math.max(1, watermark.text().length()) * 1.6);
    for (double along : new double[] {0.25, 0.75}) {
      Graphics2D mark = (Graphics2D) graphics.create();
      try {
        mark.translate(page.width() * along, page.height() * (1 - along));
        mark.rotate(-angle);
        text(mark, watermark.text(), size, WATERMARK, -width(mark, watermark.text(), size) / 2, size / 3);
      } finally {
        mark.dispose();
      }
    }
  }

  private static void drawMap(Graphics2D graphics, Rectangle2D.Float frame, Viewport viewport, MapSheet sheet) {
    Graphics2D map = (Graphics2D) graphics.create();
    try {
      map.clip(frame);
      map.setPaint(new Color(0xf4, 0xf6, 0xf8));
      map.fill(frame);
      map.translate(frame.x, frame.y);
      map.scale(frame.width / viewport.imageWidth(), frame.height / viewport.imageHeight());
      MapRenderer.draw(map, viewport, sheet.layers().apply(viewport));
    } finally {
      map.dispose();
    }
    graphics.setPaint(TEXT);
    graphics.setStroke(new BasicStroke(0.75f));
    graphics.draw(frame);
  }

  private static void drawNorthArrow(Graphics2D graphics, Rectangle2D.Float frame) {
    float x = frame.x + frame.width - 22;
    float y = frame.y + 14;
    Path2D.Float arrow = new Path2D.Float();
    arrow.moveTo(x, y);
    arrow.lineTo(x + 7, y + 20);
    arrow.lineTo(x, y + 15);
    arrow.lineTo(x - 7, y + 20);
    arrow.closePath();
    graphics.setPaint(TEXT);
    graphics.fill(arrow);
    text(graphics, "N", 10, TEXT, x - width(graphics, "N", 10) / 2, y + 32);
  }

  /** A bar of a round length (1, 2 or 5 × 10ⁿ metres) of about a quarter of the frame's width. */
  private static void drawScaleBar(Graphics2D graphics, Rectangle2D.Float frame, Viewport viewport) {
    double metresPerPoint = viewport.world().getWidth() * viewport.groundMetresPerUnit() / frame.width;
    double target = metresPerPoint * frame.width / 4;
    double magnitude = Math.pow(10, Math.floor(Math.log10(target)));
    double metres = magnitude * (target >= 5 * magnitude ? 5 : target >= 2 * magnitude ? 2 : 1);
    float length = (float) (metres / metresPerPoint);
    float x = frame.x + 12;
    float y = frame.y + frame.height - 14;
    graphics.setPaint(new Color(255, 255, 255, 200));
    graphics.fill(new Rectangle2D.Float(x - 4, y - 16, length + 50, 24));
    graphics.setPaint(TEXT);
    graphics.fill(new Rectangle2D.Float(x, y, length / 2, 4));
    graphics.setStroke(new BasicStroke(0.75f));
    graphics.draw(new Rectangle2D.Float(x, y, length, 4));
    NumberFormat dutch = NumberFormat.getNumberInstance(Locale.forLanguageTag("nl-NL"));
    String label = metres >= 1000 ? dutch.format(metres / 1000) + " km" : dutch.format(metres) + " m";
    text(graphics, "0", 8, TEXT, x - 2, y - 3);
    text(graphics, label, 8, TEXT, x + length - 4, y - 3);
  }

  private static void drawLegends(Graphics2D graphics, List<Legend> legends, float x, float top, float bottom) {
    float y = top + 10;
    text(graphics, "Legenda", 12, TEXT, x, y);
    y += 8;
    for (Legend legend : legends) {
      if (y + 30 > bottom) {
        text(graphics, "…", 10, TEXT, x, y + 12);
        return;
      }
      y += 16;
      text(graphics, legend.title(), 9.5f, TEXT, x, y);
      if (legend.unit() != null && !legend.unit().isBlank()) {
        y += 11;
        text(graphics, "(" + legend.unit() + ")", 8, TEXT, x, y);
      }
      for (LegendEntry entry : legend.entries()) {
        y += 13;
        if (y > bottom) {
          return;
        }
        Rectangle2D.Float swatch = new Rectangle2D.Float(x, y - 9, 11, 11);
        Color colour = Color.decode(entry.colour());
        graphics.setPaint(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(),
            (int) Math.round(255 * Math.max(entry.opacity(), 0.35))));
        graphics.fill(swatch);
        if (entry.hatched()) {
          Graphics2D hatch = (Graphics2D) graphics.create();
          hatch.clip(swatch);
          hatch.setPaint(MapStyle.HATCH);
          hatch.setStroke(new BasicStroke(0.6f));
          for (float d = -11; d < 11; d += 3.5f) {
            hatch.draw(new Line2D.Float(x + d, y + 2, x + d + 11, y - 9));
          }
          hatch.dispose();
        }
        graphics.setPaint(TEXT);
        graphics.setStroke(new BasicStroke(0.5f));
        graphics.draw(swatch);
        text(graphics, entry.label(), 8.5f, TEXT, x + 16, y);
      }
    }
  }

  static void text(Graphics2D graphics, String text, float size, Color colour, float x, float y) {
    if (text == null || text.isEmpty()) {
      return;
    }
    graphics.setFont(FONT.deriveFont(size));
    graphics.setPaint(colour);
    graphics.drawString(text, x, y);
  }

  static float width(Graphics2D graphics, String text, float size) {
    return text == null ? 0 : (float) graphics.getFontMetrics(FONT.deriveFont(size)).stringWidth(text);
  }

  private static Font loadFont() {
    try (InputStream font = MapPage.class.getResourceAsStream(FONT_RESOURCE)) {
      return Font.createFont(Font.TRUETYPE_FONT, font);
    } catch (IOException | FontFormatException e) {
      throw new IllegalStateException("PDFBox's Liberation Sans is missing from the classpath", e);
    }
  }
}
