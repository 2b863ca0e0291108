package nl.veiligheidskaart.tiles.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import nl.veiligheidskaart.tiles.geo.MatrixTile.OutOfRangeException;
import nl.veiligheidskaart.tiles.geo.MatrixTile.Part;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Envelope;

/**
 * The two tile matrix sets against the published definitions: PDOK's WMTS EPSG:28992 matrix set and
 * the Geonovum NetherlandsRDNewQuad (scale denominators, cell sizes, top-left corner), and the OGC
 * WebMercatorQuad (which must give exactly the XYZ tiles the viewer uses).
 */
class TileMatrixSetTest {

  private static final TileMatrixSet RD = TileMatrixSet.NETHERLANDS_RD_NEW_QUAD;
  private static final TileMatrixSet MERCATOR = TileMatrixSet.WEB_MERCATOR_QUAD;

  @ParameterizedTest(name = "RD level {0}: scale 1:{1}, {2} m a pixel, {3} tiles a side")
  @CsvSource({
      // as PDOK's WMTS capabilities and the Geonovum NetherlandsRDNewQuad list them
      "0, 12288000.0, 3440.64, 1",
      "1, 6144000.0, 1720.32, 2",
      "5, 384000.0, 107.52, 32",
      "9, 24000.0, 6.72, 512",
      "10, 12000.0, 3.36, 1024",
      "14, 750.0, 0.21, 16384",
      "16, 187.5, 0.0525, 65536",
  })
  void rdNewLevelsAreThoseOfPdok(int level, double scaleDenominator, double cellSize, int tiles) {
    assertThat(RD.scaleDenominator(level)).isCloseTo(scaleDenominator, within(1e-6));
    assertThat(RD.cellSize(level)).isCloseTo(cellSize, within(1e-9));
    assertThat(RD.matrixSize(level)).isEqualTo(tiles);
  }

  @Test
  void rdNewLevelZeroCoversTheNetherlandsFromThePublishedCorner() {
    Envelope extent = RD.extent();
    assertThat(extent.getMinX()).isCloseTo(-285401.92, within(1e-6));
    assertThat(extent.getMaxY()).isCloseTo(903401.92, within(1e-6));
    assertThat(extent.getMaxX()).isCloseTo(595401.92, within(1e-6));
    assertThat(extent.getMinY()).isCloseTo(22598.08, within(1e-6));
    assertThat(RD.crs().epsg()).isEqualTo(28992);
    assertThat(RD.uri()).isEqualTo("http://www.opengis.net/def/tilematrixset/OGC/1.0/NetherlandsRDNewQuad");
  }

  @ParameterizedTest(name = "RD {0}/{1}/{2} = x {3}..{4}, y {5}..{6}")
  @CsvSource({
      // level 2 row 1 col 1 ends at the RD false origin (155 000, 463 000), Amersfoort
      "2, 1, 1, -65200.96, 155000.0, 463000.0, 683200.96",
      "2, 2, 2, 155000.0, 375200.96, 242799.04, 463000.0",
      // Apeldoorn (194 000, 469 000) at level 10: 860.16 m tiles
      "10, 505, 557, 193707.2, 194567.36, 468160.96, 469021.12",
  })
  void rdNewTileEnvelopes(int level, int row, int column, double minX, double maxX, double minY, double maxY) {
    Envelope bounds = RD.tileEnvelope(level, row, column);
    assertThat(bounds.getMinX()).isCloseTo(minX, within(1e-6));
    assertThat(bounds.getMaxX()).isCloseTo(maxX, within(1e-6));
    assertThat(bounds.getMinY()).isCloseTo(minY, within(1e-6));
    assertThat(bounds.getMaxY()).isCloseTo(maxY, within(1e-6));
  }

  @Test
  void theTileContainingAPointHoldsIt() {
    MatrixTile apeldoorn = RD.tileContaining(10, 194_000, 469_000);
    assertThat(apeldoorn).isEqualTo(new MatrixTile(RD, 10, 505, 557));
    assertThat(apeldoorn.bounds().contains(194_000, 469_000)).isTrue();
  }

  @ParameterizedTest(name = "WebMercatorQuad {0}/{1}/{2} is XYZ tile {0}/{2}/{1}")
  @CsvSource({"0, 0, 0", "10, 337, 528", "14, 5396, 8463", "22, 4194303, 0"})
  void webMercatorQuadIsTheXyzTiling(int level, int row, int column) {
    assertThat(MERCATOR.tileEnvelope(level, row, column)).isEqualTo(new TileCoordinate(level, column, row).bounds());
    assertThat(new TileCoordinate(level, column, row).matrixTile()).isEqualTo(new MatrixTile(MERCATOR, level, row,
        column));
  }

  @Test
  void webMercatorQuadScalesAreTheOgcOnes() {
    assertThat(MERCATOR.scaleDenominator(0)).isCloseTo(559082264.0287178, within(1e-5));
    assertThat(MERCATOR.cellSize(0)).isCloseTo(156543.03392804097, within(1e-9));
    assertThat(MERCATOR.scaleDenominator(18)).isCloseTo(2132.729583849784, within(1e-7));
  }

  @ParameterizedTest(name = "{0}/{1}/{2} names {3}")
  @CsvSource({
      "NETHERLANDS_RD_NEW_QUAD, 17, 0, 0, TILE_MATRIX",
      "NETHERLANDS_RD_NEW_QUAD, -1, 0, 0, TILE_MATRIX",
      "NETHERLANDS_RD_NEW_QUAD, 3, 8, 0, TILE_ROW",
      "NETHERLANDS_RD_NEW_QUAD, 3, 0, -1, TILE_COL",
      "WEB_MERCATOR_QUAD, 23, 0, 0, TILE_MATRIX",
      "WEB_MERCATOR_QUAD, 1, 0, 2, TILE_COL",
  })
  void refusesTilesOutsideTheSetNamingThePart(TileMatrixSet set, int level, int row, int column, Part part) {
    assertThatThrownBy(() -> new MatrixTile(set, level, row, column)).isInstanceOfSatisfying(
        OutOfRangeException.class, e -> assertThat(e.part()).isEqualTo(part));
  }
}
