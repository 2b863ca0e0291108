package nl.veiligheidskaart.service.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PermutationAndTrendTest {

  /** A 20 x 20 grid of Poisson-like counts with a planted cluster around cell (5, 5). */
  static double[] plantedCounts(StudyArea area) {
    SplittableRandom random = new SplittableRandom(7);
    double[] counts = new double[area.size()];
    for (int cell = 0; cell < counts.length; cell++) {
      double d = Math.hypot(area.column(cell) - 5, area.row(cell) - 5);
      counts[cell] = random.nextInt(3) + (d < 2.5 ? 12 : 0);
    }
    return counts;
  }

  @ParameterizedTest(name = "{0} threads give the same pseudo p-values as 1")
  @ValueSource(ints = {2, 8})
  void resultsAreTheSameForAnyNumberOfThreads(int threads) {
    StudyArea area = SquareBlocks.of(20, 100);
    BinaryWeights weights = BinaryWeights.distanceBand(area, 300, true);
    double[] counts = plantedCounts(area);

    double[] single = ConditionalPermutation.pseudoP(counts, weights, 199, 42, 1);
    double[] parallel = ConditionalPermutation.pseudoP(counts, weights, 199, 42, threads);

    assertThat(parallel).containsExactly(single);
  }

  @Test
  void thePlantedClusterIsSignificantAndTheSeedMatters() {
    StudyArea area = SquareBlocks.of(20, 100);
    BinaryWeights weights = BinaryWeights.distanceBand(area, 300, true);
    double[] counts = plantedCounts(area);

    double[] p = ConditionalPermutation.pseudoP(counts, weights, 999, 42, 2);

    assertThat(p[area.indexOf(5, 5)]).isEqualTo(1.0 / 1000);
    assertThat(p[area.indexOf(15, 15)]).isGreaterThan(0.01);
    assertThat(java.util.Arrays.stream(p).min().orElseThrow()).isGreaterThanOrEqualTo(1.0 / 1000);
    assertThat(java.util.Arrays.stream(p).max().orElseThrow()).isLessThanOrEqualTo(0.5 + 1.0 / 1000);
    assertThat(ConditionalPermutation.pseudoP(counts, weights, 999, 43, 2)).isNotEqualTo(p);
  }

  @Test
  void localMoranQuadrantsNameClustersAndOutliers() {
    StudyArea area = SquareBlocks.of(20, 100);
    double[] counts = plantedCounts(area);
    counts[area.indexOf(15, 15)] = 40; // a high value among low ones
    for (int[] neighbour : new int[][] {{14, 15}, {16, 15}, {15, 14}, {15, 16}}) {
      counts[area.indexOf(neighbour[0], neighbour[1])] = 0;
    }
    BinaryWeights weights = BinaryWeights.distanceBand(area, 150, false);
    double[] p = ConditionalPermutation.pseudoP(counts, weights, 999, 1, 2);

    LocalMoran.Quadrant[] quadrants = LocalMoran.quadrants(counts, weights, SignificanceBins.significant(p, 0.05, false));

    assertThat(quadrants[area.indexOf(5, 5)]).isEqualTo(LocalMoran.Quadrant.HH);
    assertThat(quadrants[area.indexOf(15, 15)]).isEqualTo(LocalMoran.Quadrant.HL);
    assertThat(quadrants[area.indexOf(15, 14)]).isEqualTo(LocalMoran.Quadrant.LH);
  }

  @Test
  void mannKendallByHand() {
    // 1, 3, 2, 4: pairs (1,3)+ (1,2)+ (1,4)+ (3,2)- (3,4)+ (2,4)+ → S = 4; Var = 4·3·13/18 = 8.667
    MannKendall.Trend trend = MannKendall.test(new double[] {1, 3, 2, 4});
    assertThat(trend.s()).isEqualTo(4);
    assertThat(trend.variance()).isCloseTo(26.0 / 3, within(1e-12));
    assertThat(trend.z()).isCloseTo(3 / Math.sqrt(26.0 / 3), within(1e-12));

    // ties: 1, 1, 2 → S = 2; Var = (3·2·11 − 2·1·9)/18 = 48/18
    MannKendall.Trend tied = MannKendall.test(new double[] {1, 1, 2});
    assertThat(tied.s()).isEqualTo(2);
    assertThat(tied.variance()).isCloseTo(48.0 / 18, within(1e-12));

    assertThat(MannKendall.test(new double[] {5, 5, 5}).p()).isEqualTo(1.0);
    assertThat(MannKendall.test(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}).p()).isLessThan(0.001);
  }

  @Test
  void kernelDensityRasterEqualsTheExactSumAndIntegratesToTheCount() {
    SplittableRandom random = new SplittableRandom(3);
    double[] xs = new double[500];
    double[] ys = new double[500];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = 200_000 + random.nextDouble(2_000, 8_000);
      ys[i] = 460_000 + random.nextDouble(2_000, 8_000);
    }
    SquareGrid grid = new SquareGrid(50);
    KernelDensity.Raster raster = KernelDensity.quartic(xs, ys, 500, grid,
        new org.locationtech.jts.geom.Envelope(200_000, 210_000, 460_000, 470_000));

    for (int[] cell : new int[][] {{4050, 9250}, {4100, 9300}, {4020, 9210}}) {
      double x = grid.centre(cell[0], cell[1]).x;
      double y = grid.centre(cell[0], cell[1]).y;
      assertThat(raster.value(cell[0], cell[1])).isCloseTo(KernelDensity.quarticAt(xs, ys, 500, x, y), within(1e-9));
    }
    // per km² over 50 m cells (0.0025 km²): the sum is the number of points, up to discretisation
    double total = 0;
    for (double value : raster.values()) {
      total += value * 0.0025;
    }
    assertThat(total).isCloseTo(500, within(5.0));
  }
}
