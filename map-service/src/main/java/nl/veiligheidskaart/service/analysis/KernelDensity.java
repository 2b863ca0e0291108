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
