package nl.veiligheidskaart.service.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/**
 * Kernel density from linearly binned counts, the method for large inputs: within the error bound
 * stated in {@link KernelDensity} of the exact sum, at a cost that does not grow with the points.
 */
class KernelDensityBinnedTest {

  static final double BANDWIDTH = 2_000;
  static final double CELL = 100;

  @Test
  void theBinnedDensityIsWithinTheStatedBoundOfTheExactSum() {
    SplittableRandom random = new SplittableRandom(23);
    int n = 20_000;
    double[] xs = new double[n];
    double[] ys = new double[n];
    for (int i = 0; i < n; i++) {
      int town = random.nextInt(6);
      xs[i] = 200_000 + 4_000 * (town % 3) + random.nextGaussian() * (200 + 300 * town);
      ys[i] = 470_000 + 5_000 * (town / 3) + random.nextGaussian() * (200 + 300 * town);
    }
    SquareGrid grid = new SquareGrid(CELL);
    Envelope extent = new Envelope(195_000, 215_000, 465_000, 482_000);
    int minColumn = grid.column(extent.getMinX());
    int minRow = grid.row(extent.getMinY());
    int columns = grid.column(extent.getMaxX()) - minColumn + 1;
    int rows = grid.row(extent.getMaxY()) - minRow + 1;

    double[] binned = KernelDensity.binned(xs, ys, BANDWIDTH, CELL, minColumn, minRow, columns, rows);

    double peak = 3 / (Math.PI * BANDWIDTH * BANDWIDTH) * 1e6;
    double lattice = BANDWIDTH / KernelDensity.LATTICE_NODES_PER_BANDWIDTH;
    double bound = 4.0 / (KernelDensity.LATTICE_NODES_PER_BANDWIDTH * KernelDensity.LATTICE_NODES_PER_BANDWIDTH);
    double worst = 0;
    double largest = 0;
    for (int row = 0; row < rows; row += 7) {
      for (int column = 0; column < columns; column += 7) {
        double x = (minColumn + column + 0.5) * CELL;
        double y = (minRow + row + 0.5) * CELL;
        double exact = KernelDensity.quarticAt(xs, ys, BANDWIDTH, x, y);
        long near = 0;
        for (int p = 0; p < n; p++) {
          near += Math.hypot(xs[p] - x, ys[p] - y) < BANDWIDTH + 2 * Math.sqrt(2) * lattice ? 1 : 0;
        }
        double error = Math.abs(binned[row * columns + column] - exact);
        assertThat(error).as("cell %d, %d", column, row).isLessThanOrEqualTo(bound * peak * near + 1e-9);
        worst = Math.max(worst, error);
        largest = Math.max(largest, exact);
      }
    }
    // on the scale of the map: here 0.63 % of the largest density
    assertThat(worst).isLessThan(0.01 * largest);
  }

  @Test
  void theBinnedDensityKeepsTheMassOfThePoints() {
    double[] xs = {200_050, 201_000.5, 203_333.3};
    double[] ys = {470_050, 472_111.1, 471_000};
    int minColumn = 1_960;
    int minRow = 4_660;
    int columns = 110;
    int rows = 100;

    double[] binned = KernelDensity.binned(xs, ys, BANDWIDTH, CELL, minColumn, minRow, columns, rows);

    // incidents per km² summed over cells of 0.01 km²: the number of points, up to the kernel's discretisation
    assertThat(Arrays.stream(binned).sum() * CELL * CELL / 1e6).isCloseTo(3.0,
        org.assertj.core.api.Assertions.within(0.01));
  }

  @Test
  void onlyLargeInputsAreBinnedSoFixtureSizedAnswersStayExact() {
    // the default raster (100 m) and a Silverman bandwidth of 2.3 million incidents
    assertThat(KernelDensity.usesBinnedCounts(2_300_000, 1_900, 100)).isTrue();
    // all the demo data's 60 000 incidents, at any cell size
    assertThat(KernelDensity.usesBinnedCounts(60_000, 4_000, 1)).isFalse();
    // h under 16 cells: exact
    assertThat(KernelDensity.usesBinnedCounts(10_000_000, 1_000, 100)).isFalse();
  }
}
