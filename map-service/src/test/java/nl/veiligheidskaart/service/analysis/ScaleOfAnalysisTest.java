package nl.veiligheidskaart.service.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The ArcGIS default rules, on data whose answer can be worked out by hand. */
class ScaleOfAnalysisTest {

  @Test
  void cellSizeIsTwiceTheNearestNeighbourDistanceRoundedUp() {
    // a 50 x 50 lattice with 100 m spacing: every nearest neighbour is 100 m away
    double[] xs = new double[2500];
    double[] ys = new double[2500];
    for (int i = 0; i < 2500; i++) {
      xs[i] = 200_000 + (i % 50) * 100;
      ys[i] = 470_000 + (i / 50) * 100;
    }

    ScaleOfAnalysis.Choice choice = ScaleOfAnalysis.cellSize(xs, ys);

    assertThat(choice.value()).isEqualTo(201); // roof(2 · 100): ArcGIS's roof adds one to a whole number
    assertThat(choice.chosenBy()).contains("2500 distinct locations");
  }

  @Test
  void cellSizeIsCappedAtATenthOfTheExtent() {
    double[] xs = {0, 100, 1000};
    double[] ys = {0, 0, 0};
    // nearest neighbours 100, 100, 900: 2 · max(366.7, 100) = 733 → capped at roof(0.1 · 1000) = 101
    assertThat(ScaleOfAnalysis.cellSize(xs, ys).value()).isEqualTo(101);
  }

  @Test
  void distanceBandPeaksAtTheScaleOfPlantedClusters() {
    // 60 x 60 cells of 100 m with clusters of radius ~300 m on a 1.2 km lattice
    StudyArea area = SquareBlocks.of(60, 100);
    SplittableRandom random = new SplittableRandom(5);
    double[] counts = new double[area.size()];
    for (int i = 0; i < counts.length; i++) {
      double dc = Math.floorMod(area.column(i), 12) - 6;
      double dr = Math.floorMod(area.row(i), 12) - 6;
      counts[i] = random.nextInt(2) + (Math.hypot(dc, dr) < 3 ? 10 : 0);
    }

    ScaleOfAnalysis.Choice band = ScaleOfAnalysis.distanceBand(area, counts);

    assertThat(band.chosenBy()).startsWith("first peak of incremental spatial autocorrelation");
    assertThat(band.value()).isBetween(101.0, 1100.0);
  }

  @Test
  void withoutStructureTheBandFallsBackToTheKthNearestCell() {
    StudyArea area = SquareBlocks.of(30, 100);
    SplittableRandom random = new SplittableRandom(11);
    double[] counts = random.ints(area.size(), 0, 3).asDoubleStream().toArray();

    ScaleOfAnalysis.Choice band = ScaleOfAnalysis.distanceBand(area, counts);

    // K = 5 % of 900 = 45, at most 30: the 30th nearest cell of an interior cell lies at √10 · 100 = 316 m
    // (28 cells within 300 m, 8 more at 316 m); edge and corner cells reach further.
    assertThat(band.chosenBy()).contains("30th nearest cell");
    assertThat(band.value()).isBetween(317.0, 420.0);
  }

  @Test
  void kernelBandwidthFollowsSilvermanAsArcGisAppliesIt() {
    double[] xs = {0, 1000, 0, 1000};
    double[] ys = {0, 0, 1000, 1000};
    // SD = sqrt(2 · 500²) = 707.1; Dm = 707.1; min(707.1, 1.2011 · 707.1) = 707.1; · 0.9 · 4^-0.2
    assertThat(ScaleOfAnalysis.kernelBandwidth(xs, ys).value())
        .isCloseTo(0.9 * Math.sqrt(500_000) * Math.pow(4, -0.2), within(1e-9));
  }

  @Test
  void firstPeakNeedsARiseAboveTheThreshold() {
    assertThat(ScaleOfAnalysis.firstPeak(new double[] {1, 2, 3, 2.5, 4, 3})).isEqualTo(2);
    assertThat(ScaleOfAnalysis.firstPeak(new double[] {1, 1.5, 1.6, 1.2, 1, 0.5})).isEqualTo(-1);
    assertThat(ScaleOfAnalysis.firstPeak(new double[] {5, 4, 3, 2, 1, 0})).isEqualTo(-1);
  }

  /** The grid search finds what comparing every pair finds, bit for bit: clustered, spread and on one line. */
  @Test
  void nearestNeighbourDistancesAreThoseOfEveryPair() {
    SplittableRandom random = new SplittableRandom(7);
    int n = 3_000;
    for (int layout = 0; layout < 3; layout++) {
      double[] xs = new double[n];
      double[] ys = new double[n];
      for (int i = 0; i < n; i++) {
        boolean clustered = layout == 1 && i % 2 == 0;
        xs[i] = clustered ? 200_000 + random.nextDouble() * 50 : 180_000 + random.nextDouble() * 90_000 + i * 1e-7;
        ys[i] = layout == 2 ? 470_000 : clustered ? 470_000 + random.nextDouble() * 50 : 420_000
            + random.nextDouble() * 110_000;
      }
      double[] found = ScaleOfAnalysis.nearestNeighbourDistances(xs, ys);
      for (int i = 0; i < n; i++) {
        double nearest = Double.POSITIVE_INFINITY;
        for (int j = 0; j < n; j++) {
          if (j != i) {
            nearest = Math.min(nearest, Math.hypot(xs[i] - xs[j], ys[i] - ys[j]));
          }
        }
        assertThat(found[i]).as("layout %d, location %d", layout, i).isEqualTo(nearest);
      }
    }
  }

  @Test
  void fromManyIncidentsTheCellSizeRuleRunsOnASampleThatMatchesTheWhole() {
    // 150 000 incidents in towns of different density, each location distinct
    SplittableRandom random = new SplittableRandom(17);
    int n = 150_000;
    double[] xs = new double[n];
    double[] ys = new double[n];
    for (int i = 0; i < n; i++) {
      int town = random.nextInt(40);
      double spread = 300 + 60 * town;
      xs[i] = 180_000 + 2_500 * (town % 8) + random.nextGaussian() * spread;
      ys[i] = 440_000 + 2_500 * (town / 8) + random.nextGaussian() * spread;
    }
    double[] exact = ScaleOfAnalysis.nearestNeighbourDistances(xs, ys);

    double[] sampled = ScaleOfAnalysis.sampledNearestNeighbourDistances(ScaleOfAnalysis.distinctLocations(xs, ys));
    ScaleOfAnalysis.Choice choice = ScaleOfAnalysis.cellSize(xs, ys);

    // the work: one nearest-neighbour search per sampled location, however many incidents there are
    assertThat(sampled).hasSize(ScaleOfAnalysis.NEAREST_SAMPLE);
    double exactMean = java.util.Arrays.stream(exact).average().orElseThrow();
    double sampledMean = java.util.Arrays.stream(sampled).average().orElseThrow();
    assertThat(sampledMean).isCloseTo(exactMean, within(0.02 * exactMean));
    assertThat(choice.chosenBy()).contains("a seeded sample of 20000 of 150000 distinct locations (150000 incidents)");
    assertThat(ScaleOfAnalysis.cellSize(xs, ys)).isEqualTo(choice);
  }

  @Test
  void theSampleCountsEachDistinctLocationOnceHoweverManyIncidentsShareIt() {
    // 100 000 incidents at one address 5 km away from a 10 m lattice of 100 000 locations
    int n = 200_000;
    double[] xs = new double[n];
    double[] ys = new double[n];
    for (int i = 0; i < n; i++) {
      boolean lattice = i % 2 == 0;
      xs[i] = lattice ? 200_000 + (i / 2 % 250) * 10 : 195_000;
      ys[i] = lattice ? 470_000 + (i / 2 / 250) * 10 : 470_000;
    }

    double[][] distinct = ScaleOfAnalysis.distinctLocations(xs, ys);
    double[] sampled = ScaleOfAnalysis.sampledNearestNeighbourDistances(distinct);

    assertThat(distinct[0]).hasSize(100_001);
    // drawn per incident, half would be the lone address's 5 km
    assertThat(java.util.Arrays.stream(sampled).filter(d -> d > 10).count()).isLessThanOrEqualTo(3);
    assertThat(ScaleOfAnalysis.cellSize(xs, ys).chosenBy()).contains("of 100001 distinct locations (200000 incidents)");
  }
}
