package nl.veiligheidskaart.service.incidents;

import org.locationtech.jts.geom.Envelope;

/**
 * A {@code side} × {@code side} raster of count cells over an extent of a map CRS, numbered row by
 * row from the north. An incident on a border counts in the cell east or south of it, so
 * neighbouring tiles never both count it: the extent holds its west and north edges, not its east
 * and south ones.
 */
public final class CellRaster {

  private final double minX;
  private final double maxX;
  private final double minY;
  private final double maxY;
  private final double columnsPerUnit;
  private final double rowsPerUnit;
  private final int side;

  CellRaster(Envelope extent, int side) {
    this.minX = extent.getMinX();
    this.maxX = extent.getMaxX();
    this.minY = extent.getMinY();
    this.maxY = extent.getMaxY();
    this.columnsPerUnit = side / extent.getWidth();
    this.rowsPerUnit = side / extent.getHeight();
    this.side = side;
  }

  /** The cell holding a point, or -1 outside the raster. */
  int cell(double x, double y) {
    if (!(x >= minX && x < maxX && y > minY && y <= maxY)) {
      return -1;
    }
    int cellColumn = Math.min(side - 1, (int) ((x - minX) * columnsPerUnit));
    int cellRow = Math.min(side - 1, (int) ((maxY - y) * rowsPerUnit));
    return cellRow * side + cellColumn;
  }

  /**
   * The cell that holds all of a rectangle (e.g. an index bucket), or -1 if it reaches over a cell
   * border or the raster's edge. The rectangle is widened by a micrometre (its points were placed by
   * floating-point division) and its corners are placed with the arithmetic used for single points;
   * that is monotonic, so when both corners land in one cell, so does every point between them.
   */
  int cellHolding(double rectMinX, double rectMaxX, double rectMinY, double rectMaxY) {
    double west = rectMinX - 1e-6;
    double east = rectMaxX + 1e-6;
    double south = rectMinY - 1e-6;
    double north = rectMaxY + 1e-6;
    if (west < minX || east >= maxX || south <= minY || north > maxY) {
      return -1;
    }
    int firstColumn = (int) ((west - minX) * columnsPerUnit);
    int lastColumn = (int) ((east - minX) * columnsPerUnit);
    int firstRow = (int) ((maxY - north) * rowsPerUnit);
    int lastRow = (int) ((maxY - south) * rowsPerUnit);
    if (firstColumn != lastColumn || firstRow != lastRow || lastColumn >= side || lastRow >= side) {
      return -1;
    }
    return firstRow * side + firstColumn;
  }

  /** The extent of cell {@code cell} of a {@code side} × {@code side} raster over {@code extent}. */
  public static Envelope cellExtent(Envelope extent, int side, int cell) {
    double width = extent.getWidth() / side;
    double height = extent.getHeight() / side;
    double minX = extent.getMinX() + (cell % side) * width;
    double maxY = extent.getMaxY() - (cell / side) * height;
    return new Envelope(minX, minX + width, maxY - height, maxY);
  }
}
