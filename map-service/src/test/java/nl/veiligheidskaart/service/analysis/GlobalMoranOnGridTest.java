package nl.veiligheidskaart.service.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The ten bands of the default distance band in one walk give the z-scores of Moran's I that the
 * Cliff–Ord formulas give band by band from explicit row-standardised weights.
 */
class GlobalMoranOnGridTest {

  @Test
  void allBandsAtOnceEqualTheFormulaBandByBand() {
    // an irregular area: a 40 x 40 block with a hole and a ragged edge, so that k differs per cell
    int[] kept = IntStream.range(0, 1600)
        .filter(i -> !(i % 40 > 10 && i % 40 < 16 && i / 40 > 12 && i / 40 < 20))
        .filter(i -> i % 40 < 40 - (i / 40) % 7)
        .toArray();
    StudyArea area = StudyArea.ofCells(new SquareGrid(100), IntStream.of(kept).map(i -> i % 40).toArray(),
        IntStream.of(kept).map(i -> i / 40).toArray());
    SplittableRandom random = new SplittableRandom(3);
    double[] x = new double[area.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextInt(4) + (Math.hypot(area.column(i) - 25, area.row(i) - 25) < 6 ? 6 : 0);
    }
    double[] bands = {101, 201, 301, 401, 501, 601, 701, 801, 901, 1001};

    double[] z = GlobalMoranOnGrid.zScores(area, x, bands);

    for (int b = 0; b < bands.length; b++) {
      assertThat(z[b]).as("band %s", bands[b]).isCloseTo(reference(area, x, bands[b]), within(1e-9 * Math.abs(z[b])));
    }
  }

  /** Moran's I z under randomisation from explicit weights w_ij = 1/k_i (Cliff and Ord). */
  private static double reference(StudyArea area, double[] x, double band) {
    BinaryWeights weights = BinaryWeights.distanceBand(area, band, false);
    int n = area.size();
    double mean = IntStream.range(0, n).filter(i -> weights.count(i) > 0).mapToDouble(i -> x[i]).average()
        .orElseThrow();
    double nn = IntStream.range(0, n).filter(i -> weights.count(i) > 0).count();
    double[][] w = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < weights.count(i); k++) {
        w[i][weights.neighbour(i, k)] = 1.0 / weights.count(i);
      }
    }
    double m2 = 0;
    double m4 = 0;
    double cross = 0;
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    for (int i = 0; i < n; i++) {
      if (weights.count(i) == 0) {
        continue;
      }
      double zi = x[i] - mean;
      m2 += zi * zi;
      m4 += zi * zi * zi * zi;
      double row = 0;
      double column = 0;
      for (int j = 0; j < n; j++) {
        cross += w[i][j] * zi * (x[j] - mean);
        s0 += w[i][j];
        s1 += (w[i][j] + w[j][i]) * (w[i][j] + w[j][i]) / 2;
        row += w[i][j];
        column += w[j][i];
      }
      s2 += (row + column) * (row + column);
    }
    double moranI = nn / s0 * cross / m2;
    double expected = -1 / (nn - 1);
    double b2 = nn * m4 / (m2 * m2);
    double variance = (nn * ((nn * nn - 3 * nn + 3) * s1 - nn * s2 + 3 * s0 * s0)
        - b2 * ((nn * nn - nn) * s1 - 2 * nn * s2 + 6 * s0 * s0))
        / ((nn - 1) * (nn - 2) * (nn - 3) * s0 * s0) - expected * expected;
    return (moranI - expected) / Math.sqrt(variance);
  }
}
