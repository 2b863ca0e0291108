package nl.veiligheidskaart.service.api;

import java.util.List;

/**
 * A near-repeat analysis (Knox test): pairs of incidents per distance band × day band, observed and
 * expected under permutation of the dates, with the Knox ratio and its p-value; see
 * {@code analysis.KnoxTest} for the exact bands.
 *
 * @param distanceBands the rows, nearest first: "same location", then [from, to) metres, the last open
 * @param dayBands the columns: [from, to) days apart, the last open
 * @param cells one per row and column, row by row
 * @param incidents the incidents analysed; {@code pairs} = incidents·(incidents − 1)/2
 */
public record NearRepeatTable(List<Band> distanceBands, List<Band> dayBands, List<Cell> cells, int incidents,
    long pairs, int permutations, AnalysisReport analysis) {

  /**
   * A band [from, to); {@code to} null for the open last band; from = to = 0 for "same location".
   */
  public record Band(String label, double from, Double to) {
  }

  /**
   * @param expected the mean over the permutations
   * @param knoxRatio observed / expected; null where nothing is expected
   * @param p (1 + permutations with at least the observed pairs) / (1 + permutations)
   */
  public record Cell(int distanceBand, int dayBand, long observed, double expected, Double knoxRatio, double p) {
  }
}
