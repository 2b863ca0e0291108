package nl.veiligheidskaart.tiles.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TileCoordinateTest {

  @Test
  void zoomZeroIsTheWholeWorld() {
    var bounds = new TileCoordinate(0, 0, 0).bounds();
    assertThat(bounds.getMinX()).isCloseTo(-20037508.342789244, within(1e-6));
    assertThat(bounds.getMaxY()).isCloseTo(20037508.342789244, within(1e-6));
    assertThat(bounds.getWidth()).isCloseTo(bounds.getHeight(), within(1e-6));
  }

  @ParameterizedTest(name = "({0}, {1}) at z{2} lies in tile {3}/{4}")
  @CsvSource({
      // Apeldoorn, around 5.96 E 52.21 N, in Web Mercator metres
      "663470.0, 6837380.0, 10, 528, 337",
      "663470.0, 6837380.0, 14, 8463, 5396",
      "0.0, 0.0, 1, 1, 1",
  })
  void containingTileHoldsThePoint(double x, double y, int z, int tileX, int tileY) {
    TileCoordinate tile = TileCoordinate.containing(x, y, z);
    assertThat(tile).isEqualTo(new TileCoordinate(z, tileX, tileY));
    assertThat(tile.bounds().contains(x, y)).isTrue();
  }

  @ParameterizedTest
  @CsvSource({"-1, 0, 0", "23, 0, 0", "3, 8, 0", "3, 0, 8", "3, -1, 0"})
  void refusesTilesThatDoNotExist(int z, int x, int y) {
    assertThatThrownBy(() -> new TileCoordinate(z, x, y)).isInstanceOf(IllegalArgumentException.class);
  }
}
