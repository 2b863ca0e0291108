package nl.veiligheidskaart.service.analysis;

import java.util.Arrays;
import java.util.Collection;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;

/**
 * The cells of a grid whose centre lies in the selected areas: the study area of a hotspot
 * analysis, zero-count cells included. Cells are numbered 0..n-1 in row-major order; a dense
 * lookup table over the bounding box finds a cell by column and row in constant time.
 */
public final class StudyArea {

  private final SquareGrid grid;
  private final int minColumn;
  private final int minRow;
  private final int columns;
  private final int rows;
  private final int[] indexOf;
  private final int[] cellColumn;
  private final int[] cellRow;

  private StudyArea(SquareGrid grid, int minColumn, int minRow, int columns, int rows, int[] indexOf,
      int[] cellColumn, int[] cellRow) {
    this.grid = grid;
    this.minColumn = minColumn;
    this.minRow = minRow;
    this.columns = columns;
    this.rows = rows;
    this.indexOf = indexOf;
    this.cellColumn = cellColumn;
    this.cellRow = cellRow;
  }

  /** Every cell of {@code grid} whose centre lies inside (or on the edge of) one of the areas. */
  public static StudyArea of(SquareGrid grid, Collection<? extends Geometry> areas) {
    Envelope extent = new Envelope();
    areas.forEach(area -> extent.expandToInclude(area.getEnvelopeInternal()));
    if (extent.isNull()) {
      return new StudyArea(grid, 0, 0, 0, 0, new int[0], new int[0], new int[0]);
    }
    int minColumn = grid.column(extent.getMinX());
    int minRow = grid.row(extent.getMinY());
    int columns = grid.column(extent.getMaxX()) - minColumn + 1;
    int rows = grid.row(extent.getMaxY()) - minRow + 1;
    int[] marks = new int[Math.multiplyExact(columns, rows)];
    Arrays.fill(marks, -1);
    for (Geometry area : areas) {
      IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(area);
      Envelope bounds = area.getEnvelopeInternal();
      for (int row = grid.row(bounds.getMinY()); row <= grid.row(bounds.getMaxY()); row++) {
        for (int column = grid.column(bounds.getMinX()); column <= grid.column(bounds.getMaxX()); column++) {
          Coordinate centre = grid.centre(column, row);
          if (locator.locate(centre) != Location.EXTERIOR) {
            marks[(row - minRow) * columns + (column - minColumn)] = 0;
          }
        }
      }
    }
    return numbered(grid, minColumn, minRow, columns, rows, marks);
  }

  /** Numbers the marked (≥ 0) cells of the bounding box in row-major order. */
  private static StudyArea numbered(SquareGrid grid, int minColumn, int minRow, int columns, int rows,
      int[] indexOf) {
    int n = 0;
    for (int i = 0; i < indexOf.length; i++) {
      if (indexOf[i] >= 0) {
        indexOf[i] = n++;
      }
    }
    int[] cellColumn = new int[n];
    int[] cellRow = new int[n];
    for (int i = 0; i < indexOf.length; i++) {
      if (indexOf[i] >= 0) {
        cellColumn[indexOf[i]] = minColumn + i % columns;
        cellRow[indexOf[i]] = minRow + i / columns;
      }
    }
    return new StudyArea(grid, minColumn, minRow, columns, rows, indexOf, cellColumn, cellRow);
  }

  /** Exactly the given cells (e.g. the squares of a CBS square statistic), numbered in row-major order. */
  public static StudyArea ofCells(SquareGrid grid, int[] columns, int[] rows) {
    if (columns.length == 0) {
      return new StudyArea(grid, 0, 0, 0, 0, new int[0], new int[0], new int[0]);
    }
    int minColumn = Arrays.stream(columns).min().orElseThrow();
    int minRow = Arrays.stream(rows).min().orElseThrow();
    int width = Arrays.stream(columns).max().orElseThrow() - minColumn + 1;
    int height = Arrays.stream(rows).max().orElseThrow() - minRow + 1;
    int[] indexOf = new int[Math.multiplyExact(width, height)];
    Arrays.fill(indexOf, -1);
    for (int i = 0; i < columns.length; i++) {
      indexOf[(rows[i] - minRow) * width + (columns[i] - minColumn)] = 0;
    }
    return numbered(grid, minColumn, minRow, width, height, indexOf);
  }

  public SquareGrid grid() {
    return grid;
  }

  public int size() {
    return cellColumn.length;
  }

  public int column(int cell) {
    return cellColumn[cell];
  }

  public int row(int cell) {
    return cellRow[cell];
  }

  /** The cell at (column, row), or -1 when it is not in the study area. */
  public int indexOf(int column, int row) {
    int c = column - minColumn;
    int r = row - minRow;
    return c < 0 || r < 0 || c >= columns || r >= rows ? -1 : indexOf[r * columns + c];
  }

  /** The cell a point falls in, or -1 outside the study area. */
  public int cellAt(double x, double y) {
    return indexOf(grid.column(x), grid.row(y));
  }

  /** How many points fall in each cell; points outside the study area are not counted. */
  public double[] counts(double[] xs, double[] ys) {
    double[] counts = new double[size()];
    for (int i = 0; i < xs.length; i++) {
      int cell = cellAt(xs[i], ys[i]);
      if (cell >= 0) {
        counts[cell]++;
      }
    }
    return counts;
  }
}
