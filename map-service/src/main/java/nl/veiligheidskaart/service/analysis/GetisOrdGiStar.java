package nl.veiligheidskaart.service.analysis;

/**
 * Getis-Ord Gi* with binary weights, self included, as ArcGIS and R spdep {@code localG} compute
 * it (DESIGN.md):
 * <pre>
 *   xbar = Σx_j / n;  S = sqrt(Σx_j² / n − xbar²);  W_i = Σ_j w_ij;  S1_i = Σ_j w_ij²
 *   Gi* = (Σ_j w_ij x_j − xbar·W_i) / (S · sqrt((n·S1_i − W_i²) / (n − 1)))
 * </pre>
 * The result is a z-score. It is NaN for a unit when the data have no variance (S = 0) or the unit
 * neighbours everything (n·S1_i = W_i²): callers report those as warnings, not as hot spots.
 */
public final class GetisOrdGiStar {

  private GetisOrdGiStar() {
  }

  /** The Gi* z-score of every unit. */
  public static double[] zScores(double[] x, BinaryWeights weights) {
    int n = x.length;
    if (weights.size() != n) {
      throw new IllegalArgumentException("weights for " + weights.size() + " units, values for " + n);
    }
    double sum = 0;
    double sumOfSquares = 0;
    for (double value : x) {
      sum += value;
      sumOfSquares += value * value;
    }
    double mean = sum / n;
    double s = Math.sqrt(Math.max(0, sumOfSquares / n - mean * mean));
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      int w = weights.count(i);
      double denominator = s * Math.sqrt(((double) n * w - (double) w * w) / (n - 1));
      z[i] = denominator > 0 ? (weights.lag(i, x) - mean * w) / denominator : Double.NaN;
    }
    return z;
  }
}
