package nl.veiligheidskaart.service.analysis;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * Square cells aligned to the RD New origin, as CBS square statistics are: cell (column, row)
 * covers [column·size, (column+1)·size) × [row·size, (row+1)·size) in metres.
 */
public record SquareGrid(double cellSize) {

  public SquareGrid {
    if (!(cellSize > 0) || Double.isInfinite(cellSize)) {
      throw new IllegalArgumentException("cell size must be a positive number of metres, not " + cellSize);
    }
  }

  public int column(double x) {
    return (int) Math.floor(x / cellSize);
  }

  public int row(double y) {
    return (int) Math.floor(y / cellSize);
  }

  public Coordinate centre(int column, int row) {
    return new Coordinate((column + 0.5) * cellSize, (row + 0.5) * cellSize);
  }

  public Envelope cell(int column, int row) {
    return new Envelope(column * cellSize, (column + 1) * cellSize, row * cellSize, (row + 1) * cellSize);
  }
}
