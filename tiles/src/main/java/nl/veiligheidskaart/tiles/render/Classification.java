package nl.veiligheidskaart.tiles.render;

import java.util.Arrays;

/** Class breaks for choropleth maps. */
public final class Classification {

  private Classification() {
  }

  /**
   * Jenks natural breaks, ArcGIS's and QGIS's default: the partition of the sorted values into at
   * most {@code classes} runs that minimises the summed squared deviation within the runs (Fisher's
   * exact dynamic programme, O(k·n²), fine for the dozens of municipalities of a map).
   *
   * @return the upper limit (the largest value) of each class, ascending; fewer classes than asked
   *     when there are fewer distinct values, empty for no values
   */
  public static double[] naturalBreaks(double[] values, int classes) {
    if (classes < 1) {
      throw new IllegalArgumentException("at least one class, not " + classes);
    }
    double[] sorted = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
    int n = sorted.length;
    int k = (int) Math.min(classes, Arrays.stream(sorted).distinct().count());
    if (k == 0) {
      return new double[0];
    }
    double[] prefix = new double[n + 1];
    double[] prefixSquares = new double[n + 1];
    for (int i = 0; i < n; i++) {
      prefix[i + 1] = prefix[i] + sorted[i];
      prefixSquares[i + 1] = prefixSquares[i] + sorted[i] * sorted[i];
    }
    // cost[c][j]: least squared deviation of the first j values in c + 1 classes; last[c][j]: where the last class starts.
    double[][] cost = new double[k][n + 1];
    int[][] last = new int[k][n + 1];
    for (int j = 1; j <= n; j++) {
      cost[0][j] = deviation(prefix, prefixSquares, 0, j);
    }
    for (int c = 1; c < k; c++) {
      for (int j = c + 1; j <= n; j++) {
        cost[c][j] = Double.POSITIVE_INFINITY;
        for (int start = c; start < j; start++) {
          double candidate = cost[c - 1][start] + deviation(prefix, prefixSquares, start, j);
          if (candidate < cost[c][j]) {
            cost[c][j] = candidate;
            last[c][j] = start;
          }
        }
      }
    }
    double[] breaks = new double[k];
    int end = n;
    for (int c = k - 1; c >= 0; c--) {
      breaks[c] = sorted[end - 1];
      end = c == 0 ? 0 : last[c][end];
    }
    return breaks;
  }

  /** Sum of squared deviations from the mean of sorted[from, to). */
  private static double deviation(double[] prefix, double[] prefixSquares, int from, int to) {
    double sum = prefix[to] - prefix[from];
    double squares = prefixSquares[to] - prefixSquares[from];
    return Math.max(0, squares - sum * sum / (to - from));
  }
}
