package nl.veiligheidskaart.service.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** Grid cells and weights, geometry in, cells out. */
class StudyAreaTest {

  @Test
  void cellsWhoseCentreLiesInTheAreaAlignedToTheRdOrigin() throws ParseException {
    // A triangle over 1 000 m x 1 000 m: with 250 m cells, centres at 125, 375, 625, 875.
    StudyArea area = StudyArea.of(new SquareGrid(250),
        List.of(new WKTReader().read("POLYGON ((1000 1000, 2000 1000, 1000 2000, 1000 1000))")));

    // Centre (1000 + 125 + 250c, 1000 + 125 + 250r) inside when x + y <= 3000: c + r <= 3 (edge included).
    assertThat(area.size()).isEqualTo(10);
    assertThat(area.indexOf(4, 4)).isZero();
    assertThat(area.indexOf(7, 4)).isEqualTo(3);
    assertThat(area.indexOf(7, 5)).isEqualTo(-1);
    assertThat(area.cellAt(1990, 1010)).isEqualTo(3);
    assertThat(area.cellAt(999, 1010)).isEqualTo(-1);
    assertThat(area.counts(new double[] {1010, 1020, 1990, 5000}, new double[] {1010, 1030, 1010, 5000}))
        .containsExactly(2, 0, 0, 1, 0, 0, 0, 0, 0, 0);
  }

  @Test
  void negativeCoordinatesStillAlignToTheOrigin() {
    SquareGrid grid = new SquareGrid(250);
    assertThat(grid.column(-1)).isEqualTo(-1);
    assertThat(grid.column(0)).isZero();
    assertThat(grid.centre(-1, 2).x).isEqualTo(-125);
  }

  @Test
  void distanceBandIncludesSelfAndTheCellsWithinTheBand() {
    StudyArea area = SquareBlocks.of(7, 250);

    BinaryWeights weights = BinaryWeights.distanceBand(area, 750, true);

    // Offsets (dc, dr) with dc² + dr² <= 9: 29 of them, self included.
    assertThat(weights.count(area.indexOf(3, 3))).isEqualTo(29);
    // A corner keeps the quarter of the disc inside the block: 0 <= dc, dr and dc² + dr² <= 9.
    assertThat(weights.count(area.indexOf(0, 0))).isEqualTo(11);
  }

  @Test
  void contiguityWeightsFollowTheGraph() {
    BinaryWeights weights = BinaryWeights.contiguity(List.of("A", "B", "C"),
        code -> new java.util.TreeSet<>(switch (code) {
          case "A" -> List.of("B");
          case "B" -> List.of("A", "C", "Z");
          default -> List.of("B");
        }), true);

    assertThat(weights.count(0)).isEqualTo(2);
    assertThat(weights.count(1)).isEqualTo(3); // Z is not among the units
    assertThat(weights.lag(1, new double[] {1, 10, 100})).isEqualTo(111);
  }
}
