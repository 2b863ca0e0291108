package nl.veiligheidskaart.service.analysis;

import java.util.stream.IntStream;
import org.locationtech.jts.geom.Envelope;

/**
 * Kernel density of points with the quartic (biweight) kernel, bandwidth h in metres:
 * <pre>
 *   K(d) = 3 / (π h²) · (1 − d²/h²)²  for d &lt; h, else 0      (integrates to 1)
 *   density(cell) = Σ_points K(|centre − point|) · 10⁶        (incidents per km²)
 * </pre>
 * evaluated at the centres of an RD-aligned raster. Each point touches only the cells within h, so
 * the cost is points × (π h² / cell²), spread over the available cores.
 *
 * <p>From {@value #BINNED_FROM} points on, where h spans at least {@value #LATTICE_NODES_PER_BANDWIDTH}
 * cells, the sum is taken over linearly binned counts instead, as R KernSmooth {@code bkde2D} does (spatstat
 * {@code density.ppp} bins to the nearest pixel): on a lattice of spacing L = h / {@value
 * #LATTICE_NODES_PER_BANDWIDTH}, each point's weight is split bilinearly over the four nodes around it,
 * each node with weight adds the same precomputed stencil of kernel values at whole node offsets, and
 * each cell centre takes the bilinear interpolation of the four nodes around it. The cost is then
 * (nodes with weight) × π · {@value #LATTICE_NODES_PER_BANDWIDTH}² plus one step per cell, however many
 * points there are and however small the cells. Error bound: bilinear interpolation over a square
 * of side L is off by at most (L²/8)·(max|∂²f/∂x²| + max|∂²f/∂y²|), and for the quartic kernel
 * |∂²K/∂x²| ≤ 8 K(0) / h², K(0) = 3/(π h²); so binning and interpolation each cost at most
 * 2 (L/h)² K(0) per point, together 4 / {@value #LATTICE_NODES_PER_BANDWIDTH}² = 1.6 % of one point's peak:
 * a cell's density is off by at most 0.016 · K(0) · 10⁶ times the number of points within
 * h + 2√2 L of its centre. Below the threshold (every answer on the demo data's 60 000 incidents, and
 * {@link #quarticAt}) the sum stays exact.
 */
public final class KernelDensity {

  private static final double SQUARE_METRES_PER_KM2 = 1e6;

  /**
   * A raster of values on RD-aligned cells, rows from south to north.
   *
   * @param minColumn the grid column of the westmost cells; x of their west edge = minColumn · cellSize
   * @param minRow the grid row of the southmost cells
   * @param values row-major: value of (column, row) at {@code (row − minRow) · columns + (column − minColumn)}
   */
  public record Raster(double cellSize, int minColumn, int minRow, int columns, int rows, double[] values) {

    public double value(int column, int row) {
      return values[(row - minRow) * columns + (column - minColumn)];
    }

    public Envelope extent() {
      return new Envelope(minColumn * cellSize, (minColumn + columns) * cellSize, minRow * cellSize,
          (minRow + rows) * cellSize);
    }

    /** The values with the rows from north to south, as in an image. */
    public double[] northToSouth() {
      double[] flipped = new double[values.length];
      for (int row = 0; row < rows; row++) {
        System.arraycopy(values, (rows - 1 - row) * columns, flipped, row * columns, columns);
      }
      return flipped;
    }
  }

  private KernelDensity() {
  }

  /**
   * Points are summed in this many fixed chunks, each into its own raster, and the chunks are added
   * in order: the result does not depend on how many threads run them.
   */
  static final int CHUNKS = 4;

  /** From this many points the density is taken from linearly binned counts (see the class comment). */
  static final int BINNED_FROM = 100_000;

  /** The binned lattice has this many nodes per bandwidth, which bounds its error to 4 / 16² of a peak. */
  static final int LATTICE_NODES_PER_BANDWIDTH = 16;

  /** The density over every cell of {@code grid} that {@code extent} touches. */
  public static Raster quartic(double[] xs, double[] ys, double bandwidth, SquareGrid grid, Envelope extent) {
    if (!(bandwidth > 0)) {
      throw new IllegalArgumentException("the bandwidth must be a positive number of metres, not " + bandwidth);
    }
    double size = grid.cellSize();
    int minColumn = grid.column(extent.getMinX());
    int minRow = grid.row(extent.getMinY());
    int columns = grid.column(extent.getMaxX()) - minColumn + 1;
    int rows = grid.row(extent.getMaxY()) - minRow + 1;
    int cells = Math.multiplyExact(columns, rows);
    if (usesBinnedCounts(xs.length, bandwidth, size)) {
      return new Raster(size, minColumn, minRow, columns, rows,
          binned(xs, ys, bandwidth, size, minColumn, minRow, columns, rows));
    }
    int chunks = xs.length < 10_000 ? 1 : CHUNKS;
    double[][] partial = new double[chunks][];
    IntStream.range(0, chunks).parallel().forEach(chunk -> {
      double[] values = new double[cells];
      int from = (int) ((long) xs.length * chunk / chunks);
      int to = (int) ((long) xs.length * (chunk + 1) / chunks);
      accumulate(xs, ys, from, to, bandwidth, size, minColumn, minRow, columns, rows, values);
      partial[chunk] = values;
    });
    double[] values = partial[0];
    for (int chunk = 1; chunk < chunks; chunk++) {
      double[] more = partial[chunk];
      for (int i = 0; i < cells; i++) {
        values[i] += more[i];
      }
    }
    return new Raster(size, minColumn, minRow, columns, rows, values);
  }

  /**
   * The density from linearly binned counts (see the class comment): weights on a lattice that
   * reaches h beyond the raster, the stencil added per weighted node, then interpolated to the cell
   * centres. Lattice rows are summed in {@link #CHUNKS} fixed chunks added in order, so the result
   * does not depend on the thread count.
   */
  static double[] binned(double[] xs, double[] ys, double bandwidth, double size, int minColumn, int minRow,
      int columns, int rows) {
    double spacing = bandwidth / LATTICE_NODES_PER_BANDWIDTH;
    int reach = LATTICE_NODES_PER_BANDWIDTH;
    double originX = minColumn * size - bandwidth - spacing;
    double originY = minRow * size - bandwidth - spacing;
    int latticeColumns = (int) Math.ceil(columns * size / spacing) + 2 * reach + 4;
    int latticeRows = (int) Math.ceil(rows * size / spacing) + 2 * reach + 4;
    int nodes = Math.multiplyExact(latticeColumns, latticeRows);
    double[] weights = new double[nodes];
    for (int p = 0; p < xs.length; p++) {
      double u = (xs[p] - originX) / spacing;
      double v = (ys[p] - originY) / spacing;
      if (!(u >= 0 && v >= 0 && u < latticeColumns - 1 && v < latticeRows - 1)) {
        continue; // farther than h from every cell centre
      }
      int c = (int) u;
      int r = (int) v;
      double fx = u - c;
      double fy = v - r;
      int at = r * latticeColumns + c;
      weights[at] += (1 - fx) * (1 - fy);
      weights[at + 1] += fx * (1 - fy);
      weights[at + latticeColumns] += (1 - fx) * fy;
      weights[at + latticeColumns + 1] += fx * fy;
    }
    double inverseH2 = 1 / (bandwidth * bandwidth);
    double scale = 3 * inverseH2 / Math.PI * SQUARE_METRES_PER_KM2;
    int span = 2 * reach + 1;
    double[] stencil = new double[span * span];
    int[] halfWidth = new int[span];
    for (int dr = -reach; dr <= reach; dr++) {
      for (int dc = -reach; dc <= reach; dc++) {
        double u = 1 - ((double) dc * dc + (double) dr * dr) * spacing * spacing * inverseH2;
        if (u > 0) {
          stencil[(dr + reach) * span + dc + reach] = scale * u * u;
          halfWidth[dr + reach] = Math.max(halfWidth[dr + reach], Math.abs(dc));
        }
      }
    }
    double[][] partial = new double[CHUNKS][];
    IntStream.range(0, CHUNKS).parallel().forEach(chunk -> {
      double[] density = new double[nodes];
      for (int r = latticeRows * chunk / CHUNKS; r < latticeRows * (chunk + 1) / CHUNKS; r++) {
        for (int c = 0; c < latticeColumns; c++) {
          double weight = weights[r * latticeColumns + c];
          if (weight == 0) {
            continue;
          }
          for (int dr = Math.max(-reach, -r); dr <= Math.min(reach, latticeRows - 1 - r); dr++) {
            int half = halfWidth[dr + reach];
            int from = Math.max(-half, -c);
            int to = Math.min(half, latticeColumns - 1 - c);
            int target = (r + dr) * latticeColumns + c;
            int source = (dr + reach) * span + reach;
            for (int dc = from; dc <= to; dc++) {
              density[target + dc] += weight * stencil[source + dc];
            }
          }
        }
      }
      partial[chunk] = density;
    });
    double[] density = partial[0];
    for (int chunk = 1; chunk < CHUNKS; chunk++) {
      for (int i = 0; i < nodes; i++) {
        density[i] += partial[chunk][i];
      }
    }
    double[] values = new double[Math.multiplyExact(columns, rows)];
    for (int row = 0; row < rows; row++) {
      double v = ((minRow + row + 0.5) * size - originY) / spacing;
      int r = (int) v;
      double fy = v - r;
      for (int column = 0; column < columns; column++) {
        double u = ((minColumn + column + 0.5) * size - originX) / spacing;
        int c = (int) u;
        double fx = u - c;
        int at = r * latticeColumns + c;
        values[row * columns + column] = (1 - fy) * ((1 - fx) * density[at] + fx * density[at + 1])
            + fy * ((1 - fx) * density[at + latticeColumns] + fx * density[at + latticeColumns + 1]);
      }
    }
    return values;
  }

  /** Whether the density of this many points is taken from binned counts: see the class comment. */
  static boolean usesBinnedCounts(int points, double bandwidth, double cellSize) {
    return points >= BINNED_FROM && bandwidth >= LATTICE_NODES_PER_BANDWIDTH * cellSize;
  }

  /** Adds the kernels of points [from, to) to {@code values}; per point only the cells within h. */
  private static void accumulate(double[] xs, double[] ys, int from, int to, double bandwidth, double size,
      int minColumn, int minRow, int columns, int rows, double[] values) {
    double inverseH2 = 1 / (bandwidth * bandwidth);
    double scale = 3 * inverseH2 / Math.PI * SQUARE_METRES_PER_KM2;
    double[] dxTerm = new double[(int) (2 * bandwidth / size) + 3];
    for (int p = from; p < to; p++) {
      double x = xs[p];
      double y = ys[p];
      // Cells whose centre (c + 0.5)·size lies within h of x: c from ceil((x − h)/size − 0.5).
      int firstColumn = Math.max(0, (int) Math.ceil((x - bandwidth) / size - 0.5) - minColumn);
      int lastColumn = Math.min(columns - 1, (int) Math.floor((x + bandwidth) / size - 0.5) - minColumn);
      int firstRow = Math.max(0, (int) Math.ceil((y - bandwidth) / size - 0.5) - minRow);
      int lastRow = Math.min(rows - 1, (int) Math.floor((y + bandwidth) / size - 0.5) - minRow);
      int width = lastColumn - firstColumn + 1;
      if (width <= 0) {
        continue;
      }
      for (int c = 0; c < width; c++) {
        double dx = (minColumn + firstColumn + c + 0.5) * size - x;
        dxTerm[c] = dx * dx * inverseH2;
      }
      for (int r = firstRow; r <= lastRow; r++) {
        double dy = (minRow + r + 0.5) * size - y;
        double base = 1 - dy * dy * inverseH2;
        int offset = r * columns + firstColumn;
        for (int c = 0; c < width; c++) {
          double u = base - dxTerm[c];
          if (u > 0) {
            values[offset + c] += scale * u * u;
          }
        }
      }
    }
  }

  /** The quartic density at one location: the exact sum, for checking the raster. */
  public static double quarticAt(double[] xs, double[] ys, double bandwidth, double x, double y) {
    double h2 = bandwidth * bandwidth;
    double sum = 0;
    for (int p = 0; p < xs.length; p++) {
      double u = 1 - ((xs[p] - x) * (xs[p] - x) + (ys[p] - y) * (ys[p] - y)) / h2;
      if (u > 0) {
        sum += u * u;
      }
    }
    return sum * 3 / (Math.PI * h2) * SQUARE_METRES_PER_KM2;
  }
}
