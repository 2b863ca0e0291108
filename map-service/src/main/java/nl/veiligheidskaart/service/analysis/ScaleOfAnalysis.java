package nl.veiligheidskaart.service.analysis;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * The defaults of ArcGIS Optimized Hot Spot Analysis and Kernel Density, so that an analyst who
 * leaves a parameter out gets the value ArcGIS would have chosen, with the reason:
 * <ul>
 * <li>cell size: 2 · max(mean, median) of the nearest-neighbour distances between distinct
 * incident locations (locations whose distance is 3 or more standard deviations above the mean
 * left out), rounded up to the next metre and kept between a 250th of the extent's shorter side
 * and a tenth of its longer side; from {@value #SAMPLED_FROM} distinct locations on, of a seeded sample
 * of {@value #NEAREST_SAMPLE} of them (each to its nearest among all);
 * <li>distance band: the first peak (z &gt; 1.65) of global Moran's I z-scores over ten bands,
 * starting just above one cell and growing by one cell (capped by the standard distance of the
 * cells); without a peak, the mean distance to the K-th nearest cell, K = 5 % of the cells
 * within 3..30, at most the standard distance; at least a thousandth of the extent;
 * <li>kernel bandwidth: 0.9 · min(SD, √(1/ln 2) · Dm) · n^−0.2, with SD the standard distance
 * and Dm the median distance to the mean centre (Silverman's rule as ArcGIS applies it).
 * </ul>
 */
public final class ScaleOfAnalysis {

  private static final double OUTLIER_Z = 3;
  private static final double PEAK_Z = 1.65;
  private static final int BANDS = 10;

  /** From this many incidents the cell size rule runs on a sample of their locations. */
  static final int SAMPLED_FROM = 100_000;
  static final int NEAREST_SAMPLE = 20_000;
  static final long NEAREST_SAMPLE_SEED = 19;

  /** A chosen value and how it was chosen, for the analysis report. */
  public record Choice(double value, String chosenBy) {
  }

  private ScaleOfAnalysis() {
  }

  /** The grid cell size for aggregating incidents. */
  public static Choice cellSize(double[] xs, double[] ys) {
    if (xs.length >= SAMPLED_FROM) {
      return sampledCellSize(xs, ys);
    }
    double[][] unique = uniqueLocations(xs, ys);
    if (unique[0].length < 2) {
      throw new IllegalArgumentException("at least two distinct incident locations are needed to choose a cell size");
    }
    double[] distances = withoutOutliers(nearestNeighbourDistances(unique[0], unique[1]));
    double mean = Arrays.stream(distances).average().orElseThrow();
    double median = median(distances);
    double size = bounded(extent(unique[0], unique[1]), mean, median);
    return new Choice(size, String.format(Locale.ROOT, "ArcGIS Optimized Hot Spot rule: 2 x max(mean %.0f m, median"
        + " %.0f m) of the nearest-neighbour distances of %d distinct locations", mean, median, unique[0].length));
  }

  /**
   * The cell size by the same rule from the nearest-neighbour distances of a seeded sample of
   * {@value #NEAREST_SAMPLE} distinct locations (mean and median of a sample of 20 000 are within about
   * 1 % of the whole's; the result is rounded up to whole metres and bounded by the extent, which is
   * taken from every incident).
   */
  private static Choice sampledCellSize(double[] xs, double[] ys) {
    double[][] distinct = distinctLocations(xs, ys);
    if (distinct[0].length < 2) {
      throw new IllegalArgumentException("at least two distinct incident locations are needed to choose a cell size");
    }
    double[] distances = withoutOutliers(sampledNearestNeighbourDistances(distinct));
    double mean = Arrays.stream(distances).average().orElseThrow();
    double median = median(distances);
    double size = bounded(extent(xs, ys), mean, median);
    String sample = distinct[0].length < SAMPLED_FROM ? "" : "a seeded sample of " + NEAREST_SAMPLE + " of ";
    return new Choice(size, String.format(Locale.ROOT, "ArcGIS Optimized Hot Spot rule: 2 x max(mean %.0f m, median"
        + " %.0f m) of the nearest-neighbour distances of %s%d distinct locations (%d incidents)", mean, median, sample,
        distinct[0].length, xs.length));
  }

  /** 2 · max(mean, median) rounded up, kept between a 250th of the shorter and a tenth of the longer side. */
  private static double bounded(Envelope extent, double mean, double median) {
    double lower = Math.min(extent.getWidth(), extent.getHeight()) / 250;
    double upper = roof(0.1 * Math.max(extent.getWidth(), extent.getHeight()));
    return Math.max(lower, Math.min(upper, roof(2 * Math.max(mean, median))));
  }

  /** The distance band for Gi* on the cells of {@code area} with these counts. */
  public static Choice distanceBand(StudyArea area, double[] counts) {
    double cell = area.grid().cellSize();
    double[] cx = new double[area.size()];
    double[] cy = new double[area.size()];
    for (int i = 0; i < cx.length; i++) {
      cx[i] = area.grid().centre(area.column(i), area.row(i)).x;
      cy[i] = area.grid().centre(area.column(i), area.row(i)).y;
    }
    Envelope extent = extent(cx, cy);
    double maxExtent = Math.max(extent.getWidth(), extent.getHeight());
    double limit = standardDistance(cx, cy);
    double start = roof(cell) + 0.001; // grid data: every nearest-neighbour distance is one cell
    double[] bands = new double[BANDS];
    for (int k = 0; k < BANDS; k++) {
      bands[k] = start + k * cell;
    }
    if (bands[BANDS - 1] > limit) {
      double from = start > limit ? 0.2 * limit : start;
      for (int k = 0; k < BANDS; k++) {
        bands[k] = from + k * (limit - from) / BANDS;
      }
    }
    double[] z = GlobalMoranOnGrid.zScores(area, counts, bands);
    int peak = firstPeak(z);
    double band;
    String chosenBy;
    if (peak >= 0) {
      band = bands[peak];
      chosenBy = String.format(Locale.ROOT, "first peak of incremental spatial autocorrelation: Moran's I z = %.2f"
          + " at %.0f m (bands %.0f..%.0f m)", z[peak], band, bands[0], bands[BANDS - 1]);
    } else {
      int k = Math.max(3, Math.min(30, (int) (0.05 * area.size())));
      double mean = meanDistanceToKthNearestCell(area, k);
      band = roof(Math.min(mean, limit));
      chosenBy = "no peak of incremental spatial autocorrelation; mean distance to the " + k + "th nearest cell";
    }
    if (band < 0.001 * maxExtent) {
      band = 0.001 * maxExtent;
      chosenBy = "a thousandth of the extent";
    }
    return new Choice(band, chosenBy);
  }

  /** The kernel density bandwidth (search radius) in metres. */
  public static Choice kernelBandwidth(double[] xs, double[] ys) {
    int n = xs.length;
    if (n < 2) {
      throw new IllegalArgumentException("at least two incidents are needed to choose a bandwidth");
    }
    double meanX = Arrays.stream(xs).average().orElseThrow();
    double meanY = Arrays.stream(ys).average().orElseThrow();
    double[] toCentre = new double[n];
    for (int i = 0; i < n; i++) {
      toCentre[i] = Math.hypot(xs[i] - meanX, ys[i] - meanY);
    }
    double sd = standardDistance(xs, ys);
    double dm = median(toCentre);
    double radius = 0.9 * Math.min(sd, Math.sqrt(1 / Math.log(2)) * dm) * Math.pow(n, -0.2);
    return new Choice(radius, String.format(Locale.ROOT, "ArcGIS Kernel Density rule: 0.9 x min(standard distance"
        + " %.0f m, sqrt(1/ln 2) x median distance %.0f m) x n^-0.2, n = %d", sd, dm, n));
  }

  /** Index of the first band whose z rises above its successor after an earlier rise, with z &gt; 1.65; −1 if none. */
  static int firstPeak(double[] z) {
    boolean rose = false;
    for (int c = 1; c < z.length - 1; c++) {
      rose |= z[c - 1] < z[c];
      if (rose && z[c + 1] < z[c] && z[c] > PEAK_Z) {
        return c;
      }
    }
    return -1;
  }

  /** Rounded up to the next whole metre, as ArcGIS does (a whole number also goes up by one). */
  static double roof(double value) {
    return Math.floor(value) + 1;
  }

  static double standardDistance(double[] xs, double[] ys) {
    double meanX = Arrays.stream(xs).average().orElse(0);
    double meanY = Arrays.stream(ys).average().orElse(0);
    double sum = 0;
    for (int i = 0; i < xs.length; i++) {
      sum += (xs[i] - meanX) * (xs[i] - meanX) + (ys[i] - meanY) * (ys[i] - meanY);
    }
    return Math.sqrt(sum / xs.length);
  }

  private static double[][] uniqueLocations(double[] xs, double[] ys) {
    Set<Coordinate> seen = new HashSet<>();
    for (int i = 0; i < xs.length; i++) {
      seen.add(new Coordinate(xs[i], ys[i]));
    }
    Coordinate[] sorted = seen.toArray(Coordinate[]::new);
    Arrays.sort(sorted);
    double[][] result = new double[2][sorted.length];
    for (int i = 0; i < sorted.length; i++) {
      result[0][i] = sorted[i].x;
      result[1][i] = sorted[i].y;
    }
    return result;
  }

  /**
   * Each location's distance to its nearest other location, searched ring by ring in a grid of
   * about two locations per cell (an R-tree query per location took seconds for a million). The
   * distance is {@link Math#hypot} of the coordinate differences, the smallest one found, as an
   * exhaustive search would give it; squared distances only decide which to compute.
   */
  static double[] nearestNeighbourDistances(double[] xs, double[] ys) {
    Buckets buckets = Buckets.of(xs, ys);
    double[] distances = new double[xs.length];
    for (int i = 0; i < xs.length; i++) {
      distances[i] = buckets.nearestOther(i);
    }
    return distances;
  }

  /**
   * The nearest-neighbour distances of a seeded sample of {@value #NEAREST_SAMPLE} distinct locations
   * (drawn with replacement, each equally likely however many incidents share it), each to its
   * nearest other location; all of them when there are fewer than {@value #SAMPLED_FROM}.
   */
  static double[] sampledNearestNeighbourDistances(double[][] distinct) {
    int m = distinct[0].length;
    if (m < SAMPLED_FROM) {
      return nearestNeighbourDistances(distinct[0], distinct[1]);
    }
    Buckets buckets = Buckets.of(distinct[0], distinct[1]);
    SplittableRandom random = new SplittableRandom(NEAREST_SAMPLE_SEED);
    double[] distances = new double[NEAREST_SAMPLE];
    for (int k = 0; k < NEAREST_SAMPLE; k++) {
      distances[k] = buckets.nearestOther(random.nextInt(m));
    }
    return distances;
  }

  /**
   * The distinct locations, in the order of their first incident: one pass with an open-addressing
   * table of point indices (a set of boxed coordinates took seconds for millions).
   */
  static double[][] distinctLocations(double[] xs, double[] ys) {
    int n = xs.length;
    int[] table = new int[Integer.highestOneBit(Math.max(2, n) * 2 - 1) * 2];
    Arrays.fill(table, -1);
    int mask = table.length - 1;
    double[] ux = new double[n];
    double[] uy = new double[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      long hash = Double.doubleToLongBits(xs[i] + 0.0) * 0x9E3779B97F4A7C15L ^ Double.doubleToLongBits(ys[i] + 0.0);
      int slot = (int) (hash ^ hash >>> 29) & mask;
      while (table[slot] >= 0 && !(ux[table[slot]] == xs[i] && uy[table[slot]] == ys[i])) {
        slot = (slot + 1) & mask;
      }
      if (table[slot] < 0) {
        table[slot] = m;
        ux[m] = xs[i];
        uy[m++] = ys[i];
      }
    }
    return new double[][] {Arrays.copyOf(ux, m), Arrays.copyOf(uy, m)};
  }

  /** Points sorted into square buckets of about two points each, for nearest-neighbour search. */
  private record Buckets(double[] xs, double[] ys, Envelope extent, double side, int columns, int rows, int[] cellOf,
      int[] start, int[] members) {

    static Buckets of(double[] xs, double[] ys) {
      int n = xs.length;
      Envelope extent = ScaleOfAnalysis.extent(xs, ys);
      double side = Math.max(Math.sqrt(2 * Math.max(extent.getArea(), 1) / n),
          Math.max(extent.getWidth(), extent.getHeight()) / Math.max(1, n / 2.0));
      side = Math.max(side, 1e-6);
      int columns = (int) Math.min(Integer.MAX_VALUE / 4, Math.floor(extent.getWidth() / side) + 1);
      int rows = (int) Math.min(Integer.MAX_VALUE / 4 / columns, Math.floor(extent.getHeight() / side) + 1);
      int[] cellOf = new int[n];
      int[] start = new int[columns * rows + 1];
      for (int i = 0; i < n; i++) {
        int column = Math.min(columns - 1, (int) ((xs[i] - extent.getMinX()) / side));
        int row = Math.min(rows - 1, (int) ((ys[i] - extent.getMinY()) / side));
        cellOf[i] = row * columns + column;
        start[cellOf[i] + 1]++;
      }
      for (int c = 0; c < columns * rows; c++) {
        start[c + 1] += start[c];
      }
      int[] next = Arrays.copyOf(start, start.length - 1);
      int[] members = new int[n];
      for (int i = 0; i < n; i++) {
        members[next[cellOf[i]]++] = i;
      }
      return new Buckets(xs, ys, extent, side, columns, rows, cellOf, start, members);
    }

    /** The distance from point i to the nearest point at another location; infinite if there is none. */
    double nearestOther(int i) {
      int column = cellOf[i] % columns;
      int row = cellOf[i] / columns;
      double bestSquare = Double.POSITIVE_INFINITY;
      double best = Double.POSITIVE_INFINITY;
      for (int ring = 0; ring <= Math.max(columns, rows); ring++) {
        for (int r = Math.max(0, row - ring); r <= Math.min(rows - 1, row + ring); r++) {
          boolean edgeRow = r == row - ring || r == row + ring;
          int step = edgeRow ? 1 : 2 * ring;
          for (int c = column - ring; c <= column + ring; c += Math.max(1, step)) {
            if (c < 0 || c >= columns) {
              continue;
            }
            int cell = r * columns + c;
            for (int m = start[cell]; m < start[cell + 1]; m++) {
              int j = members[m];
              double dx = xs[i] - xs[j];
              double dy = ys[i] - ys[j];
              if (dx == 0 && dy == 0) {
                continue;
              }
              double square = dx * dx + dy * dy;
              // within rounding of the best so far: hypot decides (it need not order as the squares do)
              if (square <= bestSquare * (1 + 1e-9)) {
                best = Math.min(best, Math.hypot(dx, dy));
                bestSquare = Math.min(bestSquare, square);
              }
            }
          }
        }
        // every location in a further ring lies more than ring cells away
        if (best * (1 + 1e-9) < ring * side) {
          break;
        }
      }
      return best;
    }
  }

  private static double[] withoutOutliers(double[] distances) {
    double mean = Arrays.stream(distances).average().orElseThrow();
    double sd = Math.sqrt(Arrays.stream(distances).map(d -> (d - mean) * (d - mean)).average().orElseThrow());
    return sd == 0 ? distances : Arrays.stream(distances).filter(d -> (d - mean) / sd < OUTLIER_Z).toArray();
  }

  private static double meanDistanceToKthNearestCell(StudyArea area, int k) {
    double cell = area.grid().cellSize();
    List<int[]> offsets = GlobalMoranOnGrid.offsets(cell, cell * (Math.sqrt(area.size()) + 1));
    offsets.sort((a, b) -> Integer.compare(a[0] * a[0] + a[1] * a[1], b[0] * b[0] + b[1] * b[1]));
    double sum = 0;
    for (int i = 0; i < area.size(); i++) {
      int found = 0;
      for (int[] offset : offsets) {
        if (area.indexOf(area.column(i) + offset[0], area.row(i) + offset[1]) >= 0 && ++found == k) {
          sum += cell * Math.sqrt(offset[0] * offset[0] + offset[1] * offset[1]);
          break;
        }
      }
    }
    return sum / area.size();
  }

  private static Envelope extent(double[] xs, double[] ys) {
    Envelope extent = new Envelope();
    for (int i = 0; i < xs.length; i++) {
      extent.expandToInclude(xs[i], ys[i]);
    }
    return extent;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
