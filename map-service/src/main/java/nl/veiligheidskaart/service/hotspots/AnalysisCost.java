package nl.veiligheidskaart.service.hotspots;

import java.util.Locale;
import nl.veiligheidskaart.service.analysis.BinaryWeights;
import nl.veiligheidskaart.service.analysis.SquareGrid;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import org.locationtech.jts.geom.Envelope;

/**
 * What one analysis request may cost in memory and time, checked from the sizes of its work before
 * that work starts: cells, neighbour pairs, permutation draws, time steps × cells and × pairs, and the
 * density raster. A request over a bound is refused with a 400 naming the parameter to change.
 */
final class AnalysisCost {

  /** Bounds a grid: the 76 municipalities at 100 m are about 850 000 cells. */
  static final int MAX_CELLS = 1_000_000;
  static final int MAX_PERMUTATIONS = 9_999;
  /** Bounds the weights: a band of 30 cells gives each cell some 2 800 neighbours. */
  static final int MAX_BAND_IN_CELLS = 30;
  /** Bounds the weights' memory: 50 million neighbour pairs take 200 MB. */
  static final long MAX_NEIGHBOUR_PAIRS = 50_000_000;
  /**
   * Bounds the time of conditional randomisation: permutations × neighbour pairs. About 2·10⁹
   * draws a second were measured on two cores, so this is some ten seconds.
   */
  static final long MAX_PERMUTATION_DRAWS = 20_000_000_000L;
  /** Ten years of weeks: the time steps of an emerging hot spot analysis. */
  static final int MAX_STEPS = 520;
  /** Bounds an emerging hot spot analysis's memory: z and bin per step and cell, 12 bytes each. */
  static final long MAX_STEP_CELLS = 5_000_000;
  /** Bounds its time: Gi* per step, a multiply-add per neighbour pair (some five seconds). */
  static final long MAX_STEP_PAIRS = 5_000_000_000L;
  /**
   * How far the cells estimated from an area's surface may exceed the step-cell bound before the
   * request is refused without building the grid: the cells whose centre lies in the area differ
   * from surface / cell² only along its border (853 612 estimated for 853 614 cells at 100 m over
   * Oost-Nederland, 190 697 for 190 699 over Gelderland-Midden).
   */
  private static final double STEP_CELL_ESTIMATE_MARGIN = 1.1;
  /** Larger cells than this would hold all of Oost-Nederland in a handful. */
  static final double MAX_CELL_SIZE = 50_000;
  /** Bounds a density raster. */
  static final int MAX_RASTER_CELLS = 4_000_000;
  /** Bounds the work per incident: a kernel of 100 cells' radius touches some 31 000 cells. */
  static final int MAX_BANDWIDTH_IN_CELLS = 100;

  private AnalysisCost() {
  }

  static void permutations(int permutations) {
    if (permutations < 0 || permutations > MAX_PERMUTATIONS) {
      throw new InvalidParameterException("permutations", "permutations must lie between 0 and "
          + MAX_PERMUTATIONS);
    }
  }

  static void cellSize(double cellSize) {
    if (cellSize > MAX_CELL_SIZE) {
      throw new InvalidParameterException("cellSize", "cells of " + cellSize + " m are larger than "
          + MAX_CELL_SIZE + " m: choose smaller cells");
    }
  }

  /** The grid over the area's bounding box, counted before it is made: tiny cells would take all memory. */
  static void gridExtent(double cellSize, Envelope extent, String area) {
    double boxCells = (extent.getWidth() / cellSize + 2) * (extent.getHeight() / cellSize + 2);
    if (boxCells > 4.0 * MAX_CELLS) {
      throw new InvalidParameterException("cellSize", "cells of " + cellSize + " m give some "
          + Math.round(boxCells / 2) + " cells in " + area + "; at most " + MAX_CELLS
          + " cells: choose larger cells");
    }
  }

  static void gridCells(double cellSize, int cells, String area) {
    if (cells > MAX_CELLS) {
      throw new InvalidParameterException("cellSize", "cells of " + cellSize + " m give "
          + cells + " cells in " + area + "; at most " + MAX_CELLS + " cells: choose larger cells");
    }
  }

  static void distanceBand(double band, double cellSize) {
    if (band > MAX_BAND_IN_CELLS * cellSize) {
      throw new InvalidParameterException("distanceBand", "a band of " + band + " m is more than "
          + MAX_BAND_IN_CELLS + " cells of " + cellSize + " m: choose a shorter band or larger cells");
    }
  }

  /**
   * The neighbour pairs the distance-band weights will have at most, and the permutation draws over
   * them; the pairs are blamed on the band when it was given, else on the cell size.
   */
  static void weights(int cells, double cellSize, double band, boolean includeSelf, boolean bandGiven,
      int permutations) {
    long pairs = (long) cells * BinaryWeights.neighboursWithin(cellSize, band, includeSelf);
    if (pairs > MAX_NEIGHBOUR_PAIRS) {
      throw new InvalidParameterException(bandGiven ? "distanceBand" : "cellSize",
          "a band of " + band + " m over " + cells + " cells of " + cellSize + " m gives up to "
              + pairs + " neighbour pairs; at most " + MAX_NEIGHBOUR_PAIRS + ": choose a shorter band or larger cells");
    }
    if (permutations * pairs > MAX_PERMUTATION_DRAWS) {
      throw new InvalidParameterException("permutations", permutations + " permutations of up to " + pairs
          + " neighbour pairs are more than " + MAX_PERMUTATION_DRAWS
          + " draws: choose fewer permutations, larger cells or a shorter band");
    }
  }

  /** The time steps of an emerging hot spot analysis: counted up to one more than {@link #MAX_STEPS}. */
  static void steps(int steps, HotspotService.Step step) {
    if (steps > MAX_STEPS) {
      throw new InvalidParameterException("to", "the period holds more than " + MAX_STEPS + " "
          + step.name().toLowerCase(Locale.ROOT) + "s, the most an emerging hot spot analysis takes: shorten it"
          + (step == HotspotService.Step.WEEK ? " or take months" : ""));
    }
  }

  /**
   * Time steps × the cells an area of {@code surface} m² holds, estimated before the grid is built
   * (that takes seconds over all of Oost-Nederland): refused only where the estimate is clearly over
   * the bound, so that what passes here is decided by {@link #stepCells} on the real grid.
   */
  static void estimatedStepCells(int steps, double surface, double cellSize) {
    long cells = Math.round(surface / (cellSize * cellSize));
    if ((double) steps * cells > STEP_CELL_ESTIMATE_MARGIN * MAX_STEP_CELLS) {
      throw new InvalidParameterException("to", steps + " time steps of some " + cells + " cells are more than "
          + MAX_STEP_CELLS + " step cells: shorten the period, take months, or choose larger cells");
    }
  }

  static void stepCells(int steps, int cells) {
    if ((long) steps * cells > MAX_STEP_CELLS) {
      throw new InvalidParameterException("to", steps + " time steps of " + cells + " cells are more than "
          + MAX_STEP_CELLS + " step cells: shorten the period, take months, or choose larger cells");
    }
  }

  static void stepPairs(int steps, long pairs) {
    if (steps * pairs > MAX_STEP_PAIRS) {
      throw new InvalidParameterException("to", steps + " time steps of " + pairs + " neighbour pairs are more than "
          + MAX_STEP_PAIRS + ": shorten the period, take months, choose larger cells or a shorter band");
    }
  }

  static void densityBandwidth(double bandwidth, double cellSize) {
    if (bandwidth > MAX_BANDWIDTH_IN_CELLS * cellSize) {
      throw new InvalidParameterException("bandwidth", "a bandwidth of " + bandwidth + " m is more than "
          + MAX_BANDWIDTH_IN_CELLS + " cells of " + cellSize + " m: choose a smaller bandwidth or larger cells");
    }
  }

  /** The cells of a density raster over the extent, counted before it is allocated. */
  static void densityRaster(SquareGrid grid, Envelope extent, String area) {
    long cells = (long) (grid.column(extent.getMaxX()) - grid.column(extent.getMinX()) + 1)
        * (grid.row(extent.getMaxY()) - grid.row(extent.getMinY()) + 1);
    if (cells > MAX_RASTER_CELLS) {
      throw new InvalidParameterException("cellSize", "cells of " + grid.cellSize() + " m give " + cells
          + " cells over " + area + "; at most " + MAX_RASTER_CELLS + ": choose larger cells");
    }
  }

  /** The farthest distance band of a near-repeat analysis: near repeats are a matter of hundreds of metres. */
  static final double MAX_NEAR_REPEAT_DISTANCE = 5_000;
  /** The farthest day band: ten years. */
  static final int MAX_NEAR_REPEAT_DAYS = 3_660;
  /** Bounds the close pairs a Knox test keeps: 9 bytes each, some 90 MB. */
  static final long MAX_CLOSE_PAIRS = 10_000_000;
  /**
   * Bounds the time of the Knox permutations: permutations × (close pairs + incidents), each a day
   * difference read or a date shuffled; some 6·10⁷ a second were measured on two shared cores
   * (bench/near-repeat.sh), so this is some 25 seconds.
   */
  static final long MAX_KNOX_DRAWS = 1_500_000_000L;

  static void nearRepeatBands(double farthestDistance, int farthestDays) {
    if (farthestDistance > MAX_NEAR_REPEAT_DISTANCE) {
      throw new InvalidParameterException("distanceBands", "the last distance band ends at " + farthestDistance
          + " m; at most " + MAX_NEAR_REPEAT_DISTANCE + " m");
    }
    if (farthestDays > MAX_NEAR_REPEAT_DAYS) {
      throw new InvalidParameterException("dayBands", "the last day band ends at " + farthestDays
          + " days; at most " + MAX_NEAR_REPEAT_DAYS);
    }
  }

  /** The close pairs, counted (up to one more than the bound) before they are kept. */
  static void closePairs(long closePairs, double farthestDistance) {
    if (closePairs > MAX_CLOSE_PAIRS) {
      throw new InvalidParameterException("distanceBands", "more than " + MAX_CLOSE_PAIRS
          + " pairs of incidents lie within " + farthestDistance
          + " m of each other: choose shorter distance bands, a smaller area, a shorter period or fewer categories");
    }
  }

  static void knoxPermutations(int permutations, long closePairs, int incidents) {
    if (permutations < 1 || permutations > MAX_PERMUTATIONS) {
      throw new InvalidParameterException("permutations", "the Knox test is tested by permutation: permutations "
          + "must lie between 1 and " + MAX_PERMUTATIONS + " (default 999)");
    }
    if (permutations * (closePairs + incidents) > MAX_KNOX_DRAWS) {
      throw new InvalidParameterException("permutations", permutations + " permutations of " + incidents
          + " incidents with " + closePairs + " close pairs are more than " + MAX_KNOX_DRAWS
          + " draws: choose fewer permutations, shorter distance bands or fewer incidents");
    }
  }
}
