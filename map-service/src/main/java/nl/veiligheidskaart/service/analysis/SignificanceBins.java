package nl.veiligheidskaart.service.analysis;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * From z-scores to two-sided p-values and ArcGIS {@code Gi_Bin} classes: ±3, ±2, ±1 for 99, 95
 * and 90 % confidence, the sign from z, 0 when not significant. With the false discovery rate
 * correction, Benjamini–Hochberg runs at α = .10, .05 and .01 separately and a unit gets the
 * strictest level it passes.
 */
public final class SignificanceBins {

  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);
  private static final double[] ALPHAS = {0.10, 0.05, 0.01};

  private SignificanceBins() {
  }

  /** p = 2(1 − Φ(|z|)), computed from the upper tail so that tiny p-values keep their precision. */
  public static double[] twoSidedP(double[] z) {
    double[] p = new double[z.length];
    for (int i = 0; i < z.length; i++) {
      p[i] = Double.isNaN(z[i]) ? Double.NaN : Math.min(1, 2 * STANDARD_NORMAL.survivalProbability(Math.abs(z[i])));
    }
    return p;
  }

  /**
   * The bin of every unit.
   *
   * @param p p-values (NaN: not tested, bin 0)
   * @param sign the z-scores or any values whose sign says hot (+) or cold (−)
   */
  public static int[] bins(double[] p, double[] sign, boolean falseDiscoveryRate) {
    int[] bins = new int[p.length];
    for (int level = 0; level < ALPHAS.length; level++) {
      boolean[] significant = significant(p, ALPHAS[level], falseDiscoveryRate);
      for (int i = 0; i < p.length; i++) {
        if (significant[i]) {
          bins[i] = (int) Math.signum(sign[i]) * (level + 1);
        }
      }
    }
    return bins;
  }

  /** Which units are significant at {@code alpha}: p &lt; α, or with FDR p ≤ the Benjamini–Hochberg threshold. */
  public static boolean[] significant(double[] p, double alpha, boolean falseDiscoveryRate) {
    double threshold = falseDiscoveryRate ? benjaminiHochbergThreshold(p, alpha) : alpha;
    boolean[] significant = new boolean[p.length];
    for (int i = 0; i < p.length; i++) {
      significant[i] = !Double.isNaN(p[i]) && (falseDiscoveryRate ? p[i] <= threshold : p[i] < threshold);
    }
    return significant;
  }

  /**
   * The largest p-value that Benjamini–Hochberg declares significant at {@code alpha}: the largest
   * p_(k) with p_(k) ≤ k·α/m over the m tested units; −1 when none is.
   */
  static double benjaminiHochbergThreshold(double[] p, double alpha) {
    double[] sorted = Arrays.stream(p).filter(value -> !Double.isNaN(value)).sorted().toArray();
    int m = sorted.length;
    double threshold = -1;
    for (int k = 1; k <= m; k++) {
      if (sorted[k - 1] <= k * alpha / m) {
        threshold = sorted[k - 1];
      }
    }
    return threshold;
  }
}
