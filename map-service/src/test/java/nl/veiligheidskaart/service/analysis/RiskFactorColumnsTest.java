package nl.veiligheidskaart.service.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** Proximity and density columns of risk layers on a 10 × 10 grid of 100 m cells, counted by hand. */
class RiskFactorColumnsTest {

  private static final GeometryFactory FACTORY = new GeometryFactory();
  /** Cells (0…9, 0…9) of 100 m: the centre of cell (c, r) is (100c + 50, 100r + 50). */
  private static final StudyArea AREA = StudyArea.of(new SquareGrid(100),
      List.of(FACTORY.toGeometry(new Envelope(0, 1000, 0, 1000))));

  private static Geometry point(double x, double y) {
    return FACTORY.createPoint(new Coordinate(x, y));
  }

  private static int ones(double[] column) {
    int ones = 0;
    for (double v : column) {
      ones += v == 1 ? 1 : 0;
    }
    return ones;
  }

  @Test
  void proximityMarksTheCellsWhoseCentreLiesWithinTheDistance() {
    // a point on a cell centre: within 100 m lie that centre and its four edge neighbours
    double[] near = RiskFactorColumns.proximity(AREA, List.of(point(450, 450)), 100);
    assertThat(ones(near)).isEqualTo(5);
    assertThat(near[AREA.indexOf(4, 4)]).isEqualTo(1);
    assertThat(near[AREA.indexOf(5, 4)]).isEqualTo(1);
    assertThat(near[AREA.indexOf(5, 5)]).isZero();
    // within 150 m the diagonal neighbours (141 m) join: 3 × 3
    assertThat(ones(RiskFactorColumns.proximity(AREA, List.of(point(450, 450)), 150))).isEqualTo(9);
    // a point in a corner of the area reaches only the cells inside it
    assertThat(ones(RiskFactorColumns.proximity(AREA, List.of(point(50, 50)), 100))).isEqualTo(3);
    // an area: the centres within 100 m of the square (400…600)² are columns and rows 3…6 (the corner
    // centre (350, 350) lies 71 m from it, column 2's centres 150 m)
    Geometry park = FACTORY.toGeometry(new Envelope(400, 600, 400, 600));
    assertThat(ones(RiskFactorColumns.proximity(AREA, List.of(park), 100))).isEqualTo(16);
  }

  @Test
  void densityMarksWhereLocationsCrowdAboveTheMean() {
    // two locations close together and one alone: with a 250 m bandwidth the pair's cells stand out
    List<Geometry> sites = List.of(point(250, 250), point(300, 250), point(850, 850));
    double[] dense = RiskFactorColumns.density(AREA, sites, 250);
    assertThat(dense[AREA.indexOf(2, 2)]).isEqualTo(1);
    assertThat(dense[AREA.indexOf(0, 9)]).isZero();
    assertThat(ones(dense)).isLessThan(ones(RiskFactorColumns.proximity(AREA, sites, 250)));
    assertThat(ones(RiskFactorColumns.density(AREA, List.of(), 250))).isZero();
  }
}
