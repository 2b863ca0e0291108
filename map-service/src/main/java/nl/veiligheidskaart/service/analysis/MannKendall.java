package nl.veiligheidskaart.service.analysis;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The Mann–Kendall trend test on a time series: S = Σ_{k<j} sign(x_j − x_k), its variance with
 * the correction for ties, and the continuity-corrected z with its two-sided p-value.
 */
public final class MannKendall {

  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

  /** @param z positive for an upward trend */
  public record Trend(long s, double variance, double z, double p) {
  }

  private MannKendall() {
  }

  public static Trend test(double[] series) {
    int n = series.length;
    long s = 0;
    for (int k = 0; k < n - 1; k++) {
      for (int j = k + 1; j < n; j++) {
        s += Double.compare(series[j], series[k]) > 0 ? 1 : Double.compare(series[j], series[k]) < 0 ? -1 : 0;
      }
    }
    double ties = 0;
    double[] sorted = series.clone();
    Arrays.sort(sorted);
    for (int start = 0; start < n; ) {
      int end = start;
      while (end + 1 < n && sorted[end + 1] == sorted[start]) {
        end++;
      }
      double t = end - start + 1;
      ties += t * (t - 1) * (2 * t + 5);
      start = end + 1;
    }
    double variance = (n * (n - 1.0) * (2 * n + 5.0) - ties) / 18.0;
    double z = variance <= 0 || s == 0 ? 0 : (s > 0 ? s - 1 : s + 1) / Math.sqrt(variance);
    double p = variance <= 0 ? 1 : Math.min(1, 2 * STANDARD_NORMAL.survivalProbability(Math.abs(z)));
    return new Trend(s, variance, z, p);
  }
}
