package nl.veiligheidskaart.service.analysis;

import java.util.Locale;

/**
 * The categories of ArcGIS Emerging Hot Spot Analysis, from one location's Gi* bins per time step
 * (−3..3, FDR-corrected) and the Mann–Kendall trend of its Gi* z-scores (α = 0.05). "90 % of the
 * time steps" means hot (or cold) in at least 0.9·n of the n steps; the final step is the most
 * recent one. Cold categories mirror the hot ones with "hot" and "cold" and the trend's sign swapped.
 */
public final class EmergingHotSpots {

  /** Significance of the trend test. */
  public static final double TREND_ALPHA = 0.05;
  private static final double MOSTLY = 0.9;

  /** The pattern of one location. */
  public enum Pattern {
    NEW_HOT_SPOT, CONSECUTIVE_HOT_SPOT, INTENSIFYING_HOT_SPOT, PERSISTENT_HOT_SPOT, DIMINISHING_HOT_SPOT,
    SPORADIC_HOT_SPOT, OSCILLATING_HOT_SPOT, HISTORICAL_HOT_SPOT,
    NEW_COLD_SPOT, CONSECUTIVE_COLD_SPOT, INTENSIFYING_COLD_SPOT, PERSISTENT_COLD_SPOT, DIMINISHING_COLD_SPOT,
    SPORADIC_COLD_SPOT, OSCILLATING_COLD_SPOT, HISTORICAL_COLD_SPOT,
    NO_PATTERN_DETECTED
  }

  private EmergingHotSpots() {
  }

  /**
   * @param bins the Gi* bin per time step, oldest first
   * @param trend the Mann–Kendall test of the Gi* z-scores over the same steps
   */
  public static Pattern classify(int[] bins, MannKendall.Trend trend) {
    int n = bins.length;
    if (n == 0) {
      return Pattern.NO_PATTERN_DETECTED;
    }
    if (bins[n - 1] > 0) {
      return side(bins, trend.z(), trend.p(), 1);
    }
    if (bins[n - 1] < 0) {
      return side(bins, -trend.z(), trend.p(), -1);
    }
    if (count(bins, 1) >= MOSTLY * n) {
      return Pattern.HISTORICAL_HOT_SPOT;
    }
    if (count(bins, -1) >= MOSTLY * n) {
      return Pattern.HISTORICAL_COLD_SPOT;
    }
    return Pattern.NO_PATTERN_DETECTED;
  }

  /**
   * The categories for a location significant on one side ({@code sign} 1 hot, −1 cold) at the
   * final step; {@code towards} is the trend's z in the direction of that side.
   */
  private static Pattern side(int[] bins, double towards, double trendP, int sign) {
    int n = bins.length;
    int same = count(bins, sign);
    int opposite = count(bins, -sign);
    boolean hot = sign > 0;
    if (same == 1) {
      return hot ? Pattern.NEW_HOT_SPOT : Pattern.NEW_COLD_SPOT;
    }
    if (same >= MOSTLY * n) {
      if (trendP < TREND_ALPHA && towards > 0) {
        return hot ? Pattern.INTENSIFYING_HOT_SPOT : Pattern.INTENSIFYING_COLD_SPOT;
      }
      if (trendP < TREND_ALPHA && towards < 0) {
        return hot ? Pattern.DIMINISHING_HOT_SPOT : Pattern.DIMINISHING_COLD_SPOT;
      }
      return hot ? Pattern.PERSISTENT_HOT_SPOT : Pattern.PERSISTENT_COLD_SPOT;
    }
    int finalRun = 0;
    while (finalRun < n && Integer.signum(bins[n - 1 - finalRun]) == sign) {
      finalRun++;
    }
    if (finalRun >= 2 && finalRun == same) {
      return hot ? Pattern.CONSECUTIVE_HOT_SPOT : Pattern.CONSECUTIVE_COLD_SPOT;
    }
    if (opposite > 0) {
      return hot ? Pattern.OSCILLATING_HOT_SPOT : Pattern.OSCILLATING_COLD_SPOT;
    }
    return hot ? Pattern.SPORADIC_HOT_SPOT : Pattern.SPORADIC_COLD_SPOT;
  }

  private static int count(int[] bins, int sign) {
    int count = 0;
    for (int bin : bins) {
      if (Integer.signum(bin) == sign) {
        count++;
      }
    }
    return count;
  }

  /** The pattern's name as ArcGIS writes it, e.g. "New Hot Spot". */
  public static String label(Pattern pattern) {
    StringBuilder label = new StringBuilder();
    for (String word : pattern.name().split("_")) {
      label.append(label.isEmpty() ? "" : " ").append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
    }
    return label.toString();
  }
}
