package nl.veiligheidskaart.tiles.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.tiles.render.MapLayer.Areas;
import nl.veiligheidskaart.tiles.render.MapLayer.DensitySurface;
import nl.veiligheidskaart.tiles.render.MapLayer.Points;
import nl.veiligheidskaart.tiles.render.MapLayer.StyledArea;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.WKTReader;

/** Pixels at known places: the world 0..100 × 0..100 on a 100 × 100 picture, y up in the world. */
class MapRendererTest {

  private static final Viewport WORLD_100 = new Viewport(new Envelope(0, 100, 0, 100), 100, 100, 1, 1, Crs.RD_NEW);

  @Test
  void aHotSpotCellIsFilledInTheHotSpotColourWhereItLies() throws Exception {
    Areas cells = new Areas(List.of(new StyledArea(new WKTReader().read("POLYGON ((10 60, 40 60, 40 90, 10 90, 10 60))"),
        MapStyle.giBinColour(3), false)), null, 0, true);

    BufferedImage image = MapRenderer.render(WORLD_100, List.of(cells));

    assertThat(new Color(image.getRGB(25, 25), true)).isEqualTo(new Color(0xd62f27));
    assertThat(image.getRGB(25, 75) >>> 24).as("outside the cell stays transparent").isZero();
  }

  @Test
  void twiceThePixelRatioDrawsTheSameMapOnTwiceAsManyPixels() throws Exception {
    Areas cells = new Areas(List.of(new StyledArea(new WKTReader().read("POLYGON ((10 60, 40 60, 40 90, 10 90, 10 60))"),
        MapStyle.giBinColour(-3), false)), MapStyle.BOUNDARY, 1, false);

    BufferedImage image = MapRenderer.render(new Viewport(new Envelope(0, 100, 0, 100), 100, 100, 2, 1, Crs.RD_NEW),
        List.of(cells));

    assertThat(image.getWidth()).isEqualTo(200);
    assertThat(new Color(image.getRGB(50, 50), true)).isEqualTo(new Color(0x4575b5));
  }

  @Test
  void aSuppressedAreaIsGreyWithHatchLines() throws Exception {
    Areas areas = new Areas(List.of(new StyledArea(new WKTReader().read("POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0))"),
        MapStyle.SUPPRESSED, true)), null, 0, false);

    BufferedImage image = MapRenderer.render(WORLD_100, List.of(areas));

    long grey = 0;
    long hatch = 0;
    for (int x = 0; x < 100; x++) {
      int rgb = image.getRGB(x, 50) & 0xffffff;
      grey += rgb == (MapStyle.SUPPRESSED.getRGB() & 0xffffff) ? 1 : 0;
      hatch += rgb != (MapStyle.SUPPRESSED.getRGB() & 0xffffff) ? 1 : 0;
    }
    assertThat(grey).isGreaterThan(50);
    assertThat(hatch).isGreaterThan(5);
  }

  @Test
  void pointSymbolsAreCentredOnTheirPoint() throws Exception {
    Points points = new Points(List.of(new WKTReader().read("POINT (70 30)")), MapStyle.HEMP_SITE);

    BufferedImage image = MapRenderer.render(WORLD_100, List.of(points));

    assertThat(new Color(image.getRGB(70, 70), true)).isEqualTo(MapStyle.HEMP_SITE.fill());
    assertThat(image.getRGB(60, 70) >>> 24).isZero();
  }

  @Test
  void aDensitySurfaceIsColouredOnTheRampAndTransparentBelowTheCutoff() throws Exception {
    double[] values = new double[100 * 100];
    for (int row = 0; row < 100; row++) {
      values[row * 100 + 99] = 10; // the east column at the maximum
    }

    BufferedImage image = MapRenderer.render(WORLD_100, List.of(new DensitySurface(values, 100, 100,
        new Envelope(0, 100, 0, 100), 10)));

    assertThat(new Color(image.getRGB(99, 10), true)).isEqualTo(MapStyle.densityColour(1));
    assertThat(image.getRGB(50, 10) >>> 24).isZero();
  }

  @Test
  void pngKeepsThePixels() throws Exception {
    Areas cells = new Areas(List.of(new StyledArea(new WKTReader().read("POLYGON ((0 0, 50 0, 50 50, 0 50, 0 0))"),
        MapStyle.giBinColour(2), false)), null, 0, true);

    BufferedImage read = ImageIO.read(new ByteArrayInputStream(MapRenderer.png(MapRenderer.render(WORLD_100,
        List.of(cells)))));

    assertThat(new Color(read.getRGB(10, 90), true)).isEqualTo(MapStyle.giBinColour(2));
  }
}
