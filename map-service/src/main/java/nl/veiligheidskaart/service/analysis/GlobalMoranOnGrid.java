package nl.veiligheidskaart.service.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Global Moran's I of cell values with row-standardised fixed-distance weights, and its z-score
 * under the randomisation assumption (Cliff and Ord). Cells without neighbours at the band are
 * left out, as ArcGIS does. The weights are never stored: on a regular grid they are the same
 * offsets for every cell, so large bands cost time, not memory.
 */
final class GlobalMoranOnGrid {

  private GlobalMoranOnGrid() {
  }

  /** The z-score of Moran's I, or NaN when fewer than four cells have neighbours or there is no variance. */
  static double zScore(StudyArea area, double[] x, double bandMetres) {
    return zScores(area, x, new double[] {bandMetres})[0];
  }

  /**
   * The z-scores for increasing bands, in two walks over the offsets of the widest band instead of
   * two per band: per cell, the neighbours' count k and value sum within each band (each offset
   * counted in the first band that reaches it, then summed outward), and R = Σ_j 1/k_j over its
   * neighbours. With symmetric neighbours the Cliff–Ord terms follow from these:
   * S1 = ½ Σ_i Σ_j (1/k_i + 1/k_j)² = Σ_i (1 + R_i) / k_i and S2 = Σ_i (1 + R_i)².
   */
  static double[] zScores(StudyArea area, double[] x, double[] bands) {
    int bandCount = bands.length;
    for (int b = 1; b < bandCount; b++) {
      if (!(bands[b] >= bands[b - 1])) {
        throw new IllegalArgumentException("bands must increase");
      }
    }
    double cellSize = area.grid().cellSize();
    List<int[]> offsets = offsets(cellSize, bands[bandCount - 1]);
    int[] dc = new int[offsets.size()];
    int[] dr = new int[offsets.size()];
    int[] firstBand = new int[offsets.size()];
    for (int o = 0; o < dc.length; o++) {
      dc[o] = offsets.get(o)[0];
      dr[o] = offsets.get(o)[1];
      double d2 = (dc[o] * cellSize) * (dc[o] * cellSize) + (dr[o] * cellSize) * (dr[o] * cellSize);
      int b = 0;
      while (d2 > bands[b] * bands[b] * (1 + 1e-12)) {
        b++;
      }
      firstBand[o] = b;
    }
    int n = area.size();
    // the cells' numbers on a raster padded by the reach with -1: a neighbour is one add away
    int reach = 0;
    for (int o = 0; o < dc.length; o++) {
      reach = Math.max(reach, Math.max(Math.abs(dc[o]), Math.abs(dr[o])));
    }
    int minColumn = Integer.MAX_VALUE;
    int minRow = Integer.MAX_VALUE;
    int maxColumn = Integer.MIN_VALUE;
    int maxRow = Integer.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      minColumn = Math.min(minColumn, area.column(i));
      maxColumn = Math.max(maxColumn, area.column(i));
      minRow = Math.min(minRow, area.row(i));
      maxRow = Math.max(maxRow, area.row(i));
    }
    int width = maxColumn - minColumn + 1 + 2 * reach;
    int[] padded = new int[Math.multiplyExact(width, maxRow - minRow + 1 + 2 * reach)];
    Arrays.fill(padded, -1);
    int[] position = new int[n];
    for (int i = 0; i < n; i++) {
      position[i] = (area.row(i) - minRow + reach) * width + area.column(i) - minColumn + reach;
      padded[position[i]] = i;
    }
    int[] delta = new int[dc.length];
    for (int o = 0; o < dc.length; o++) {
      delta[o] = dr[o] * width + dc[o];
    }
    // per cell and band: neighbour count and sum of neighbour values, cell-major
    int[] k = new int[n * bandCount];
    double[] lagSum = new double[n * bandCount];
    for (int i = 0; i < n; i++) {
      int base = i * bandCount;
      for (int o = 0; o < delta.length; o++) {
        int j = padded[position[i] + delta[o]];
        if (j >= 0) {
          k[base + firstBand[o]]++;
          lagSum[base + firstBand[o]] += x[j];
        }
      }
      for (int b = 1; b < bandCount; b++) {
        k[base + b] += k[base + b - 1];
        lagSum[base + b] += lagSum[base + b - 1];
      }
    }
    double[] inverseK = new double[n * bandCount];
    for (int i = 0; i < inverseK.length; i++) {
      inverseK[i] = 1.0 / k[i];
    }
    double[] inverseSum = new double[n * bandCount];
    for (int i = 0; i < n; i++) {
      int base = i * bandCount;
      for (int o = 0; o < delta.length; o++) {
        int j = padded[position[i] + delta[o]];
        if (j < 0) {
          continue;
        }
        for (int b = firstBand[o], from = j * bandCount; b < bandCount; b++) {
          inverseSum[base + b] += inverseK[from + b];
        }
      }
    }
    double[] z = new double[bandCount];
    for (int b = 0; b < bandCount; b++) {
      z[b] = zScore(x, b, bandCount, k, lagSum, inverseSum);
    }
    return z;
  }

  private static double zScore(double[] x, int band, int bandCount, int[] k, double[] lagSum, double[] inverseSum) {
    int n = x.length;
    int kept = 0;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      if (k[i * bandCount + band] > 0) {
        kept++;
        sum += x[i];
      }
    }
    if (kept < 4) {
      return Double.NaN;
    }
    double mean = sum / kept;
    double m2 = 0;
    double m4 = 0;
    double cross = 0;
    double s1 = 0;
    double s2 = 0;
    for (int i = 0; i < n; i++) {
      int ki = k[i * bandCount + band];
      if (ki == 0) {
        continue;
      }
      double zi = x[i] - mean;
      m2 += zi * zi;
      m4 += zi * zi * zi * zi;
      cross += zi * (lagSum[i * bandCount + band] - ki * mean) / ki;
      double r = inverseSum[i * bandCount + band];
      s1 += (1 + r) / ki;
      s2 += (1 + r) * (1 + r);
    }
    if (m2 == 0) {
      return Double.NaN;
    }
    double nn = kept;
    double s0 = nn;
    double moranI = cross / m2;
    double expected = -1 / (nn - 1);
    double b2 = nn * m4 / (m2 * m2);
    double variance = (nn * ((nn * nn - 3 * nn + 3) * s1 - nn * s2 + 3 * s0 * s0)
        - b2 * ((nn * nn - nn) * s1 - 2 * nn * s2 + 6 * s0 * s0))
        / ((nn - 1) * (nn - 2) * (nn - 3) * s0 * s0) - expected * expected;
    return variance > 0 ? (moranI - expected) / Math.sqrt(variance) : Double.NaN;
  }

  /** Grid offsets (columns, rows) of the cells within the band, self excluded. */
  static List<int[]> offsets(double cellSize, double bandMetres) {
    int reach = (int) Math.floor(bandMetres / cellSize);
    List<int[]> offsets = new ArrayList<>();
    double limit = bandMetres * bandMetres * (1 + 1e-12);
    for (int dr = -reach; dr <= reach; dr++) {
      for (int dc = -reach; dc <= reach; dc++) {
        double d2 = (dc * cellSize) * (dc * cellSize) + (dr * cellSize) * (dr * cellSize);
        if ((dc != 0 || dr != 0) && d2 <= limit) {
          offsets.add(new int[] {dc, dr});
        }
      }
    }
    return offsets;
  }
}
