package nl.veiligheidskaart.service.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Knox test: pairs counted per band exactly (by hand, and against all n² pairs), the
 * permutation inference as the Near Repeat Calculator's, a planted near-repeat chain found and
 * nothing found where there is none.
 */
class KnoxTestTest {

  static final double[] DISTANCES = {0, 100, 200};
  static final int[] DAYS = {0, 7, 14};

  @Test
  void pairsAreCountedPerBandAsCountedByHand() {
    // A and B share a location; C is 50 m from both; D 150 m from A and B and exactly 100 m from C;
    // E lies far away. Days: A 0, B 3, C 10, D 30, E 2.
    double[] xs = {0, 0, 50, 150, 1000};
    double[] ys = {0, 0, 0, 0, 0};
    int[] days = {0, 3, 10, 30, 2};

    KnoxTest.Table table = KnoxTest.test(KnoxTest.closePairs(xs, ys, DISTANCES), days, DAYS, 0, 1, 1);

    // rows: same location, (0, 100), [100, 200), >= 200; columns: [0, 7), [7, 14), >= 14 days
    assertThat(table.observed()).isDeepEqualTo(new long[][] {
        {1, 0, 0},  // A-B 3 days
        {0, 2, 0},  // A-C 10 days, B-C exactly 7 days
        {0, 0, 3},  // A-D 30, B-D 27, C-D exactly 100 m and 20 days
        {2, 1, 1}}); // A-E 2, B-E 1, C-E 8, D-E 28 days
  }

  @Test
  void theTableEqualsCountingAllPairs() {
    SplittableRandom random = new SplittableRandom(7);
    int n = 3000;
    double[] xs = new double[n];
    double[] ys = new double[n];
    int[] days = new int[n];
    for (int i = 0; i < n; i++) {
      // a few shared locations, so that the same-location band is not empty
      xs[i] = i % 10 == 0 ? 200_000 : 200_000 + random.nextDouble(-3000, 3000);
      ys[i] = i % 10 == 0 ? 450_000 : 450_000 + random.nextDouble(-3000, 3000);
      days[i] = 18_000 + random.nextInt(200);
    }
    double[] distances = {0, 50, 120, 400};
    int[] dayBreaks = {0, 1, 8, 30};

    long[][] brute = new long[5][4];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        int row = KnoxTest.distanceRow(Math.hypot(xs[i] - xs[j], ys[i] - ys[j]), distances);
        int difference = Math.abs(days[i] - days[j]);
        int column = difference < 1 ? 0 : difference < 8 ? 1 : difference < 30 ? 2 : 3;
        brute[row][column]++;
      }
    }

    KnoxTest.ClosePairs pairs = KnoxTest.closePairs(xs, ys, distances);
    assertThat(KnoxTest.test(pairs, days, dayBreaks, 0, 1, 1).observed()).isDeepEqualTo(brute);
    assertThat(KnoxTest.countClosePairs(xs, ys, distances, Long.MAX_VALUE - 1)).isEqualTo(pairs.size());
    assertThat(KnoxTest.countClosePairs(xs, ys, distances, 10)).isEqualTo(11);
  }

  @Test
  void expectedCountsKeepTheMarginsAndPFollowsTheNearRepeatCalculator() {
    double[] xs = {0, 0, 50, 150, 1000, 30, 420};
    double[] ys = {0, 0, 0, 0, 0, 80, 10};
    int[] days = {0, 3, 10, 30, 2, 5, 40};
    KnoxTest.ClosePairs pairs = KnoxTest.closePairs(xs, ys, DISTANCES);

    KnoxTest.Table table = KnoxTest.test(pairs, days, DAYS, 99, 42, 1);

    // a permutation of dates keeps the pairs per distance row and per day column
    for (int r = 0; r < table.rows(); r++) {
      assertThat(Arrays.stream(table.expected()[r]).sum())
          .isCloseTo(Arrays.stream(table.observed()[r]).sum(), org.assertj.core.api.Assertions.within(1e-9));
    }
    for (int r = 0; r < table.rows(); r++) {
      for (int c = 0; c < table.columns(); c++) {
        // p = (1 + M) / (P + 1): a multiple of 1/100, at least 1/100
        double m = table.p()[r][c] * 100 - 1;
        assertThat(m).isCloseTo(Math.rint(m), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(table.p()[r][c]).isBetween(0.01, 1.0);
      }
    }
    KnoxTest.Table again = KnoxTest.test(pairs, days, DAYS, 99, 42, 2);
    assertThat(again.p()).isDeepEqualTo(table.p());
    assertThat(again.expected()).isDeepEqualTo(table.expected());
  }

  @Test
  void aPlantedNearRepeatChainIsFoundInTheFirstBand() {
    Background background = new Background(800, 11);
    // a chain: 15 burglaries within 300 m of each other, one every two days
    for (int i = 0; i < 15; i++) {
      background.add(210_000 + 70 * (i % 4), 460_000 + 60 * (i / 4), 18_100 + 2 * i);
    }

    KnoxTest.Table table = test(background, 999);

    // row 1: under 100 m; row 2: 100-200 m; column 0: under 7 days
    assertThat(table.p()[1][0]).isLessThan(0.05);
    assertThat(table.knoxRatio()[1][0]).isGreaterThan(2);
    assertThat(table.p()[2][0]).isLessThan(0.05);
  }

  @Test
  void withoutAChainNothingNearAndSoonIsSignificant() {
    Background background = new Background(815, 11);

    KnoxTest.Table table = test(background, 999);

    for (int r = 1; r <= 2; r++) {
      assertThat(table.p()[r][0]).as("row %d", r).isGreaterThan(0.05);
    }
  }

  @Test
  void breaksMustStartAtZeroAndIncrease() {
    double[] xs = {0, 1};
    assertThatThrownBy(() -> KnoxTest.closePairs(xs, xs, new double[] {50, 100}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KnoxTest.closePairs(xs, xs, new double[] {0, 100, 100}))
        .isInstanceOf(IllegalArgumentException.class);
    KnoxTest.ClosePairs pairs = KnoxTest.closePairs(xs, xs, DISTANCES);
    assertThatThrownBy(() -> KnoxTest.test(pairs, new int[] {0, 1}, new int[] {0, 7, 3}, 9, 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static KnoxTest.Table test(Background background, int permutations) {
    double[] distances = {0, 100, 200, 400, 800};
    int[] dayBreaks = {0, 7, 14, 21, 28};
    return KnoxTest.test(KnoxTest.closePairs(background.xs(), background.ys(), distances), background.days(),
        dayBreaks, permutations, 2019, 2);
  }

  /** Burglaries spread at random over 8 × 8 km and a year. */
  private static final class Background {
    private double[] xs;
    private double[] ys;
    private int[] days;
    private int size;

    Background(int n, long seed) {
      SplittableRandom random = new SplittableRandom(seed);
      xs = new double[n + 100];
      ys = new double[n + 100];
      days = new int[n + 100];
      for (int i = 0; i < n; i++) {
        add(206_000 + random.nextDouble(8000), 456_000 + random.nextDouble(8000), 18_000 + random.nextInt(365));
      }
    }

    void add(double x, double y, int day) {
      xs[size] = x;
      ys[size] = y;
      days[size++] = day;
    }

    double[] xs() {
      return Arrays.copyOf(xs, size);
    }

    double[] ys() {
      return Arrays.copyOf(ys, size);
    }

    int[] days() {
      return Arrays.copyOf(days, size);
    }
  }
}
