package nl.veiligheidskaart.service.maptiles;

import static org.assertj.core.api.Assertions.assertThat;

import nl.veiligheidskaart.tiles.geo.TileMatrixSet;
import org.junit.jupiter.api.Test;

/** Where analysts' tiles turn from cells to single incidents, in each tile matrix set. */
class RawPointsLevelTest {

  @Test
  void singleIncidentsFromWebMercatorZoom14AndRdNewLevel10() {
    assertThat(IncidentsLayer.rawPointsFromLevel(TileMatrixSet.WEB_MERCATOR_QUAD))
        .isEqualTo(IncidentsLayer.RAW_POINTS_FROM_ZOOM);
    // RD New level 9 has 6.72 m pixels, coarser than Web Mercator zoom 14's 5.9 m here; level 10 3.36 m
    assertThat(IncidentsLayer.rawPointsFromLevel(TileMatrixSet.NETHERLANDS_RD_NEW_QUAD)).isEqualTo(10);
  }
}
