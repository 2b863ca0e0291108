package nl.veiligheidskaart.service.riskterrain;

import nl.veiligheidskaart.service.api.InvalidParameterException;
import org.locationtech.jts.geom.Envelope;

/**
 * What a risk terrain may cost, checked from the sizes of its work before that work starts: the
 * elastic net runs over cells × factor columns about a hundred λ for each of the folds and the
 * whole, so their product is bounded; a request over a bound is refused with a 400 naming the
 * parameter to change.
 */
final class RiskTerrainCost {

  /**
   * Cells × factor columns: 10 000 × 9 took 0.7 s of elastic net and cross-validation
   * (bench/risk-terrain.sh), all 76 municipalities at 500 m from three layers (34 138 × 18) 17–27 s
   * on a loaded machine; so this keeps a request within its deadline of a minute.
   */
  static final long MAX_CELL_COLUMNS = 1_000_000;
  static final double MIN_CELL_SIZE = 50;
  static final double MAX_CELL_SIZE = 5_000;
  static final int MAX_FACTORS = 20;

  private RiskTerrainCost() {
  }

  static void cellSize(double cellSize) {
    if (!(cellSize >= MIN_CELL_SIZE && cellSize <= MAX_CELL_SIZE)) {
      throw new InvalidParameterException("cellSize", "cellSize must lie between " + MIN_CELL_SIZE + " and "
          + MAX_CELL_SIZE + " m, not " + cellSize);
    }
  }

  static void factors(int factors) {
    if (factors > MAX_FACTORS) {
      throw new InvalidParameterException("factors", factors + " factors are more than " + MAX_FACTORS
          + ": choose fewer");
    }
  }

  /** The cells of the area's bounding box, before the grid is made: tiny cells would take all memory. */
  static void gridExtent(double cellSize, Envelope extent, int columns, String area) {
    double boxCells = (extent.getWidth() / cellSize + 2) * (extent.getHeight() / cellSize + 2);
    if (boxCells * columns > 4.0 * MAX_CELL_COLUMNS) {
      throw new InvalidParameterException("cellSize", "cells of " + cellSize + " m give some "
          + Math.round(boxCells / 2) + " cells in " + area + " for " + columns + " factor columns; at most "
          + MAX_CELL_COLUMNS + " cells × columns: choose larger cells, a smaller area or fewer factors");
    }
  }

  static void cellColumns(double cellSize, int cells, int columns, String area) {
    if ((long) cells * columns > MAX_CELL_COLUMNS) {
      throw new InvalidParameterException("cellSize", "cells of " + cellSize + " m give " + cells + " cells in "
          + area + " for " + columns + " factor columns; at most " + MAX_CELL_COLUMNS
          + " cells × columns: choose larger cells, a smaller area or fewer factors");
    }
  }
}
