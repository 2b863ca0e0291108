package nl.veiligheidskaart.service.analysis;

import java.util.ArrayList;
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
    List<int[]> offsets = offsets(area.grid().cellSize(), bandMetres);
    int n = area.size();
    int[] k = new int[n];
    for (int i = 0; i < n; i++) {
      for (int[] offset : offsets) {
        if (area.indexOf(area.column(i) + offset[0], area.row(i) + offset[1]) >= 0) {
          k[i]++;
        }
      }
    }
    int kept = 0;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      if (k[i] > 0) {
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
      if (k[i] == 0) {
        continue;
      }
      double zi = x[i] - mean;
      m2 += zi * zi;
      m4 += zi * zi * zi * zi;
      double lag = 0;
      double inverseSum = 0;
      for (int[] offset : offsets) {
        int j = area.indexOf(area.column(i) + offset[0], area.row(i) + offset[1]);
        if (j >= 0) {
          lag += x[j] - mean;
          double wij = 1.0 / k[i];
          double wji = 1.0 / k[j];
          s1 += (wij + wji) * (wij + wji);
          inverseSum += wji;
        }
      }
      cross += zi * lag / k[i];
      s2 += (1 + inverseSum) * (1 + inverseSum);
    }
    if (m2 == 0) {
      return Double.NaN;
    }
    double nn = kept;
    s1 /= 2;
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
