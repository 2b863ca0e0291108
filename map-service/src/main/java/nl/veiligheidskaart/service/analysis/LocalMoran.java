package nl.veiligheidskaart.service.analysis;

/**
 * Local Moran's I (Anselin 1995) with row-standardised weights, self excluded, as R spdep
 * {@code localmoran} computes it:
 * <pre>
 *   z_i = x_i − xbar;  m2 = Σ z_j² / n;  I_i = (z_i / m2) · Σ_j w_ij z_j,  w_ij = 1 / |N(i)|
 * </pre>
 * The quadrant says what kind of cluster or outlier a significant unit is: HH (high among high),
 * LL, HL (high among low: an outlier) and LH.
 */
public final class LocalMoran {

  /** The kind of association of a unit with its neighbours. */
  public enum Quadrant {
    HH, LL, HL, LH, NOT_SIGNIFICANT
  }

  private LocalMoran() {
  }

  /** I_i of every unit; NaN for a unit without neighbours or when the data have no variance. */
  public static double[] statistics(double[] x, BinaryWeights weights) {
    int n = x.length;
    double mean = 0;
    for (double value : x) {
      mean += value;
    }
    mean /= n;
    double m2 = 0;
    for (double value : x) {
      m2 += (value - mean) * (value - mean);
    }
    m2 /= n;
    double[] result = new double[n];
    for (int i = 0; i < n; i++) {
      int k = weights.count(i);
      result[i] = k == 0 || m2 == 0 ? Double.NaN : (x[i] - mean) / m2 * (weights.lag(i, x) / k - mean);
    }
    return result;
  }

  /** The quadrant of each significant unit, NOT_SIGNIFICANT for the others. */
  public static Quadrant[] quadrants(double[] x, BinaryWeights weights, boolean[] significant) {
    double mean = 0;
    for (double value : x) {
      mean += value;
    }
    mean /= x.length;
    Quadrant[] result = new Quadrant[x.length];
    for (int i = 0; i < x.length; i++) {
      if (!significant[i] || weights.count(i) == 0) {
        result[i] = Quadrant.NOT_SIGNIFICANT;
        continue;
      }
      boolean high = x[i] > mean;
      boolean highAround = weights.lag(i, x) / weights.count(i) > mean;
      result[i] = high ? (highAround ? Quadrant.HH : Quadrant.HL) : (highAround ? Quadrant.LH : Quadrant.LL);
    }
    return result;
  }
}
