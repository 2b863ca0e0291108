package nl.veiligheidskaart.service.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.function.Function;

/**
 * Binary spatial weights (w_ij = 1 for neighbours, else 0) in compressed rows: the neighbours of
 * unit i are {@code neighbours[start[i] .. start[i+1])}. Whether a unit is its own neighbour
 * (Gi*: yes) is decided when the weights are built.
 */
public final class BinaryWeights {

  private final int[] start;
  private final int[] neighbours;

  private BinaryWeights(int[] start, int[] neighbours) {
    this.start = start;
    this.neighbours = neighbours;
  }

  /**
   * Cells whose centres lie within {@code bandMetres} of each other; with {@code includeSelf} each
   * cell is also its own neighbour (Gi*), without it not (Local Moran's I). On a regular grid the
   * neighbours are fixed offsets, so the cost is n·k.
   */
  public static BinaryWeights distanceBand(StudyArea area, double bandMetres, boolean includeSelf) {
    List<int[]> offsets = bandOffsets(area.grid().cellSize(), bandMetres, includeSelf);
    int n = area.size();
    int[] start = new int[n + 1];
    int[] neighbours = new int[n * offsets.size()];
    int next = 0;
    for (int cell = 0; cell < n; cell++) {
      start[cell] = next;
      int column = area.column(cell);
      int row = area.row(cell);
      for (int[] offset : offsets) {
        int neighbour = area.indexOf(column + offset[0], row + offset[1]);
        if (neighbour >= 0) {
          neighbours[next++] = neighbour;
        }
      }
    }
    start[n] = next;
    return new BinaryWeights(start, Arrays.copyOf(neighbours, next));
  }

  /**
   * The neighbours a cell inside the study area has in a distance band: an upper bound for every
   * cell, so {@code cells × neighboursWithin} bounds the weights' size before they are built.
   */
  public static int neighboursWithin(double cellSize, double bandMetres, boolean includeSelf) {
    return bandOffsets(cellSize, bandMetres, includeSelf).size();
  }

  /** The (column, row) offsets of the cells whose centres lie within the band. */
  private static List<int[]> bandOffsets(double cellSize, double bandMetres, boolean includeSelf) {
    int reach = (int) Math.floor(bandMetres / cellSize);
    List<int[]> offsets = new ArrayList<>();
    double limit = bandMetres * bandMetres * (1 + 1e-12);
    for (int dr = -reach; dr <= reach; dr++) {
      for (int dc = -reach; dc <= reach; dc++) {
        double dx = dc * cellSize;
        double dy = dr * cellSize;
        if (dx * dx + dy * dy <= limit && (includeSelf || dc != 0 || dr != 0)) {
          offsets.add(new int[] {dc, dr});
        }
      }
    }
    return offsets;
  }

  /**
   * Areas (e.g. municipalities, in the given order) that border each other, from a contiguity
   * graph; with {@code includeSelf} each area is also its own neighbour, as Gi* needs.
   */
  public static BinaryWeights contiguity(List<String> codes, Function<String, SortedSet<String>> neighboursOf,
      boolean includeSelf) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < codes.size(); i++) {
      index.put(codes.get(i), i);
    }
    int[] start = new int[codes.size() + 1];
    List<Integer> flat = new ArrayList<>();
    for (int i = 0; i < codes.size(); i++) {
      start[i] = flat.size();
      if (includeSelf) {
        flat.add(i);
      }
      for (String neighbour : neighboursOf.apply(codes.get(i))) {
        Integer j = index.get(neighbour);
        if (j != null && j != i) {
          flat.add(j);
        }
      }
    }
    start[codes.size()] = flat.size();
    return new BinaryWeights(start, flat.stream().mapToInt(Integer::intValue).toArray());
  }

  public int size() {
    return start.length - 1;
  }

  /** W_i = S1_i for binary weights: the number of neighbours of unit i. */
  public int count(int unit) {
    return start[unit + 1] - start[unit];
  }

  public int neighbour(int unit, int k) {
    return neighbours[start[unit] + k];
  }

  /** Whether unit i counts itself among its neighbours. */
  public boolean includesSelf(int unit) {
    for (int k = start[unit]; k < start[unit + 1]; k++) {
      if (neighbours[k] == unit) {
        return true;
      }
    }
    return false;
  }

  /** Σ_j w_ij x_j. */
  public double lag(int unit, double[] x) {
    double sum = 0;
    for (int k = start[unit]; k < start[unit + 1]; k++) {
      sum += x[neighbours[k]];
    }
    return sum;
  }
}
