package nl.veiligheidskaart.service.analysis;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * The Knox test for space-time clustering of events, as Ratcliffe's Near Repeat Calculator (NRC)
 * runs it (Knox 1964; Johnson et al. 2007; Ratcliffe &amp; Rengert 2008): every pair of events is
 * counted in the cell of a table of distance bands × day bands; the counts expected without a
 * near-repeat pattern are the mean of the same table over Monte Carlo permutations of the dates
 * among the events (locations stay, so the spatial pattern is kept); the Knox ratio is observed /
 * expected and p = (1 + #permutations with a count ≥ the observed) / (1 + permutations), as the NRC
 * computes its significance.
 *
 * <p><b>Bands, exactly.</b> Distances are Euclidean in the coordinates' unit (metres in RD New);
 * day differences are whole days, |day_i − day_j|, of calendar dates. Given distance breaks
 * 0 = b₀ &lt; b₁ &lt; … &lt; b_k and day breaks 0 = t₀ &lt; t₁ &lt; … &lt; t_m the rows are
 * <ol start="0">
 * <li>"same location": d = 0 (the NRC's "same location" band, which it adds by itself);
 * <li>0 &lt; d &lt; b₁ (the NRC's "1 to 100 m");
 * <li>b_{r−1} ≤ d &lt; b_r for r = 2…k, half-open as DESIGN.md fixes (the NRC writes "101 to 200 m");
 * <li>row k + 1: d ≥ b_k (the NRC's "more than …" band);
 * </ol>
 * and the columns t_c ≤ Δdays &lt; t_{c+1} for c = 0…m−1 (so with breaks 0,7,14 the first column is
 * the same day up to 6 days apart; the NRC labels it "0 to 7 days"), and column m: Δdays ≥ t_m.
 * Every unordered pair of distinct events is counted once, so the table sums to n(n−1)/2.
 *
 * <p><b>Counting without all n² pairs.</b> Only pairs closer than b_k are looked at one by one,
 * found through a grid of b_k-sized cells (a pair closer than b_k lies in neighbouring cells). The
 * rest follows from counts a permutation of dates does not change: the pairs per distance row
 * (locations stay) and per day column (the multiset of dates stays), counted from the sorted days.
 * The close pairs are kept, so each permutation only re-reads their day differences.
 *
 * <p>Permutations draw from one seed, each its own split stream in order, so the result is the same
 * for any number of threads.
 */
public final class KnoxTest {

  private KnoxTest() {
  }

  /**
   * The pairs of events closer than the largest distance break, with their distance row.
   *
   * @param first the one event of each pair (index into the input arrays)
   * @param second the other, always greater than {@code first}
   * @param row the distance row of each pair: 0 same location, 1 … k the bands below b_k
   * @param perRow the number of pairs per distance row over all rows, the last (d ≥ b_k) included
   */
  public record ClosePairs(int n, double[] distanceBreaks, int[] first, int[] second, byte[] row, long[] perRow) {

    public int size() {
      return first.length;
    }
  }

  /**
   * The Knox table, rows distance bands and columns day bands as described on the class.
   *
   * @param expected the mean over the permutations; NaN without permutations
   * @param knoxRatio observed / expected; NaN where expected is 0
   * @param p (1 + #permuted ≥ observed) / (1 + permutations)
   */
  public record Table(double[] distanceBreaks, int[] dayBreaks, long[][] observed, double[][] expected,
      double[][] knoxRatio, double[][] p, int permutations) {

    public int rows() {
      return observed.length;
    }

    public int columns() {
      return observed[0].length;
    }
  }

  /**
   * Counts the pairs closer than the largest distance break, stopping once more than {@code limit}
   * are found: the caller refuses such work before anything is kept.
   *
   * @return the count, or {@code limit + 1} when there are more
   */
  public static long countClosePairs(double[] xs, double[] ys, double[] distanceBreaks, long limit) {
    checkDistanceBreaks(distanceBreaks);
    long[] count = {0};
    forEachClosePair(xs, ys, distanceBreaks[distanceBreaks.length - 1], (i, j, d) -> {
      count[0]++;
      return count[0] <= limit;
    });
    return Math.min(count[0], limit + 1);
  }

  /** Finds every pair closer than the largest distance break and counts the pairs per distance row. */
  public static ClosePairs closePairs(double[] xs, double[] ys, double[] distanceBreaks) {
    checkDistanceBreaks(distanceBreaks);
    int n = xs.length;
    int k = distanceBreaks.length - 1;
    long[] perRow = new long[k + 2];
    int[][] firsts = {new int[1024]};
    int[][] seconds = {new int[1024]};
    byte[][] rows = {new byte[1024]};
    int[] size = {0};
    forEachClosePair(xs, ys, distanceBreaks[k], (i, j, d) -> {
      int at = size[0]++;
      if (at == firsts[0].length) {
        firsts[0] = Arrays.copyOf(firsts[0], 2 * at);
        seconds[0] = Arrays.copyOf(seconds[0], 2 * at);
        rows[0] = Arrays.copyOf(rows[0], 2 * at);
      }
      int row = distanceRow(d, distanceBreaks);
      firsts[0][at] = Math.min(i, j);
      seconds[0][at] = Math.max(i, j);
      rows[0][at] = (byte) row;
      perRow[row]++;
      return true;
    });
    long close = Arrays.stream(perRow).sum();
    perRow[k + 1] = pairs(n) - close;
    return new ClosePairs(n, distanceBreaks.clone(), Arrays.copyOf(firsts[0], size[0]),
        Arrays.copyOf(seconds[0], size[0]), Arrays.copyOf(rows[0], size[0]), perRow);
  }

  /**
   * The Knox test of the close pairs with the events' days.
   *
   * @param days each event's calendar day (e.g. epoch days), in the order of the coordinates
   * @param dayBreaks 0 = t₀ &lt; t₁ &lt; … &lt; t_m, whole days
   * @param threads how many threads to use; does not change the result
   */
  public static Table test(ClosePairs pairs, int[] days, int[] dayBreaks, int permutations, long seed, int threads) {
    checkDayBreaks(dayBreaks);
    if (days.length != pairs.n()) {
      throw new IllegalArgumentException("a day for each of the " + pairs.n() + " events, not " + days.length);
    }
    if (permutations < 0) {
      throw new IllegalArgumentException("permutations must not be negative");
    }
    int rows = pairs.perRow().length;
    int columns = dayBreaks.length;
    long[] perColumn = pairsPerColumn(days, dayBreaks);
    long[][] observed = table(pairs, days, dayBreaks, perColumn);

    SplittableRandom master = new SplittableRandom(seed);
    SplittableRandom[] streams = new SplittableRandom[permutations];
    for (int s = 0; s < permutations; s++) {
      streams[s] = master.split();
    }
    long[][][] permuted = new long[permutations][][];
    ForkJoinPool pool = new ForkJoinPool(Math.max(1, threads));
    try {
      pool.submit(() -> IntStream.range(0, permutations).parallel().forEach(s -> permuted[s] = table(pairs,
          shuffled(days, streams[s]), dayBreaks, perColumn))).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Knox permutations interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdown();
    }

    double[][] expected = new double[rows][columns];
    double[][] ratio = new double[rows][columns];
    double[][] p = new double[rows][columns];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        long sum = 0;
        int atLeast = 0;
        for (long[][] table : permuted) {
          sum += table[r][c];
          atLeast += table[r][c] >= observed[r][c] ? 1 : 0;
        }
        expected[r][c] = permutations == 0 ? Double.NaN : (double) sum / permutations;
        ratio[r][c] = expected[r][c] > 0 ? observed[r][c] / expected[r][c] : Double.NaN;
        p[r][c] = (1.0 + atLeast) / (1.0 + permutations);
      }
    }
    return new Table(pairs.distanceBreaks().clone(), dayBreaks.clone(), observed, expected, ratio, p, permutations);
  }

  /** The row of a distance: 0 same location, r for b_{r−1} ≤ d &lt; b_r (row 1 without 0), k + 1 beyond. */
  static int distanceRow(double d, double[] breaks) {
    if (d == 0) {
      return 0;
    }
    int k = breaks.length - 1;
    for (int r = 1; r <= k; r++) {
      if (d < breaks[r]) {
        return r;
      }
    }
    return k + 1;
  }

  /** The whole table from the close pairs and the counts that no permutation changes. */
  private static long[][] table(ClosePairs pairs, int[] days, int[] dayBreaks, long[] perColumn) {
    int rows = pairs.perRow().length;
    int m = dayBreaks.length - 1;
    int columns = m + 1;
    int[] columnOfDifference = new int[dayBreaks[m]];
    for (int c = 0; c < m; c++) {
      Arrays.fill(columnOfDifference, dayBreaks[c], dayBreaks[c + 1], c);
    }
    long[][] table = new long[rows][columns];
    int[] first = pairs.first();
    int[] second = pairs.second();
    byte[] row = pairs.row();
    for (int q = 0; q < first.length; q++) {
      int difference = Math.abs(days[first[q]] - days[second[q]]);
      table[row[q]][difference < columnOfDifference.length ? columnOfDifference[difference] : m]++;
    }
    // the last row (d ≥ b_k): per column, what the close rows leave of the column's pairs
    int beyond = rows - 1;
    for (int c = 0; c < columns; c++) {
      long close = 0;
      for (int r = 0; r < beyond; r++) {
        close += table[r][c];
      }
      table[beyond][c] = perColumn[c] - close;
    }
    return table;
  }

  /** Pairs per day column over all distances, from the sorted days by binary search. */
  static long[] pairsPerColumn(int[] days, int[] dayBreaks) {
    int[] sorted = days.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    int m = dayBreaks.length - 1;
    long[] below = new long[m + 1];
    // below[c]: pairs with a difference < t_c (below[0] = 0, as t₀ = 0)
    for (int c = 1; c <= m; c++) {
      long count = 0;
      for (int i = 0; i < n; i++) {
        count += lowerBound(sorted, (long) sorted[i] + dayBreaks[c]) - i - 1;
      }
      below[c] = count;
    }
    long[] perColumn = new long[m + 1];
    for (int c = 0; c < m; c++) {
      perColumn[c] = below[c + 1] - below[c];
    }
    perColumn[m] = pairs(n) - below[m];
    return perColumn;
  }

  /** The first position whose value is at least {@code value}. */
  private static int lowerBound(int[] sorted, long value) {
    int low = 0;
    int high = sorted.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (sorted[mid] < value) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  private static int[] shuffled(int[] days, SplittableRandom random) {
    int[] copy = days.clone();
    for (int i = copy.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = copy[i];
      copy[i] = copy[j];
      copy[j] = swap;
    }
    return copy;
  }

  private static long pairs(int n) {
    return (long) n * (n - 1) / 2;
  }

  private interface PairAction {
    /** @return whether to go on */
    boolean pair(int i, int j, double distance);
  }

  /**
   * Calls {@code action} once for every unordered pair closer than {@code reach}: the events are
   * sorted by (column, row) of a grid of {@code reach}-sized cells, and each looks in the 3 × 3 cells
   * around its own at events later in that order.
   */
  private static void forEachClosePair(double[] xs, double[] ys, double reach, PairAction action) {
    int n = xs.length;
    if (ys.length != n) {
      throw new IllegalArgumentException("as many y as x coordinates");
    }
    long[] keys = new long[n];
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      keys[i] = key((long) Math.floor(xs[i] / reach), (long) Math.floor(ys[i] / reach));
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Long.compare(keys[a], keys[b]));
    long[] sortedKeys = new long[n];
    int[] sorted = new int[n];
    for (int s = 0; s < n; s++) {
      sorted[s] = order[s];
      sortedKeys[s] = keys[order[s]];
    }
    double reachSquared = reach * reach;
    for (int s = 0; s < n; s++) {
      int i = sorted[s];
      long column = (long) Math.floor(xs[i] / reach);
      long row = (long) Math.floor(ys[i] / reach);
      for (long dc = -1; dc <= 1; dc++) {
        int from = Math.max(s + 1, lowerBound(sortedKeys, key(column + dc, row - 1)));
        int to = lowerBound(sortedKeys, key(column + dc, row + 1) + 1);
        for (int t = from; t < to; t++) {
          int j = sorted[t];
          double dx = xs[i] - xs[j];
          double dy = ys[i] - ys[j];
          double squared = dx * dx + dy * dy;
          if (squared < reachSquared && !action.pair(i, j, Math.sqrt(squared))) {
            return;
          }
        }
      }
    }
  }

  /** Cells ordered by column, then row; rows of one column are contiguous. Offset keeps keys positive. */
  private static long key(long column, long row) {
    return ((column + (1L << 30)) << 32) + (row + (1L << 30));
  }

  private static int lowerBound(long[] sorted, long value) {
    int low = 0;
    int high = sorted.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (sorted[mid] < value) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  private static void checkDistanceBreaks(double[] breaks) {
    if (breaks.length < 2 || breaks[0] != 0) {
      throw new IllegalArgumentException("distance breaks start at 0 and have at least one more");
    }
    for (int r = 1; r < breaks.length; r++) {
      if (!(breaks[r] > breaks[r - 1]) || !Double.isFinite(breaks[r])) {
        throw new IllegalArgumentException("distance breaks must increase strictly and be finite");
      }
    }
    if (breaks.length > 100) {
      throw new IllegalArgumentException("at most 100 distance breaks");
    }
  }

  private static void checkDayBreaks(int[] breaks) {
    if (breaks.length < 2 || breaks[0] != 0) {
      throw new IllegalArgumentException("day breaks start at 0 and have at least one more");
    }
    for (int c = 1; c < breaks.length; c++) {
      if (breaks[c] <= breaks[c - 1]) {
        throw new IllegalArgumentException("day breaks must increase strictly");
      }
    }
  }
}
