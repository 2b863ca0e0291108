package nl.veiligheidskaart.tiles.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import nl.veiligheidskaart.tiles.render.MapLayer.Areas;
import nl.veiligheidskaart.tiles.render.MapLayer.StyledArea;
import nl.veiligheidskaart.tiles.render.MapLayer;
import nl.veiligheidskaart.tiles.render.MapStyle;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

/** A page with one hot cell in the middle of Deventer's extent (Web Mercator). */
class MapPageTest {

  private static final Envelope DEVENTER = new Envelope(680_000, 700_000, 6_840_000, 6_860_000);
  private static final PageFormat A4_LANDSCAPE = PageFormat.of("A4", true);

  private static MapSheet sheet() {
    Envelope cell = new Envelope(689_000, 691_000, 6_849_000, 6_851_000);
    List<MapLayer> layers = List.of(new Areas(List.of(new StyledArea(new GeometryFactory().toGeometry(cell),
        MapStyle.giBinColour(3), false)), null, 0, true));
    return new MapSheet("Woninginbraak in Deventer", "Hotspots, derde kwartaal 2026", "Niet openbaar – alleen voor BBG",
        List.of("Periode: 1 juli 2026 t/m 30 september 2026", "Bron: politie, CBS, Kadaster (PDOK)"),
        List.of(MapStyle.giBinLegend()), DEVENTER, viewport -> layers, null);
  }

  @Test
  void thePngShowsTheHotCellAtTheCentreOfTheMapFrame() throws Exception {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(MapPage.png(A4_LANDSCAPE, sheet(), 150)));

    assertThat(image.getWidth()).isEqualTo(Math.round(841.89 * 150 / 72));
    Rectangle2D.Float frame = MapPage.frame(A4_LANDSCAPE, 2);
    double scale = 150 / 72.0;
    int x = (int) Math.round((frame.x + frame.width / 2) * scale);
    int y = (int) Math.round((frame.y + frame.height / 2) * scale);
    assertThat(new Color(image.getRGB(x, y))).isEqualTo(MapStyle.giBinColour(3));
    assertThat(new Color(image.getRGB(5, 5))).as("the paper").isEqualTo(Color.WHITE);
  }

  @Test
  void thePdfHasOnePageWithItsTextsAndAnEmbeddedFont() throws Exception {
    try (PDDocument pdf = Loader.loadPDF(MapPage.pdf(PageFormat.of("A3", false), sheet()))) {
      assertThat(pdf.getNumberOfPages()).isEqualTo(1);
      assertThat(pdf.getPage(0).getMediaBox().getWidth()).isCloseTo(841.89f, org.assertj.core.data.Offset.offset(0.1f));
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text).contains("Woninginbraak in Deventer", "Hotspots, derde kwartaal 2026",
          "Niet openbaar – alleen voor BBG", "Hotspot 99% betrouwbaar", "Coldspot 90% betrouwbaar", "Legenda",
          "Periode: 1 juli 2026 t/m 30 september 2026", "km");
      List<PDFont> fonts = new java.util.ArrayList<>();
      collectFonts(pdf.getPage(0).getResources(), fonts);
      assertThat(fonts).isNotEmpty().allMatch(PDFont::isEmbedded);
    }
  }

  private static void collectFonts(org.apache.pdfbox.pdmodel.PDResources resources, List<PDFont> fonts)
      throws Exception {
    for (var name : resources.getFontNames()) {
      fonts.add(resources.getFont(name));
    }
    for (var name : resources.getXObjectNames()) {
      if (resources.getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form) {
        collectFonts(form.getResources(), fonts);
      }
    }
  }
}
