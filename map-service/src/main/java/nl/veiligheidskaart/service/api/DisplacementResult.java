package nl.veiligheidskaart.service.api;

import java.util.List;
import java.util.Map;

/**
 * A displacement (waterbed) check: the counts of target, buffer and control before and after, the
 * measures, and what they mean. A measure that is not defined is null, with the reason in
 * {@code notDefined}.
 */
public record DisplacementResult(Area target, Area buffer, Area control, Periods periods, Double successMeasure,
    Double bufferDisplacementMeasure, Double wdq, Double totalNetEffect, Wdd wdd, Wdd localWdd, Wdd bufferWdd,
    Map<String, String> notDefined, Interpretation interpretation) {

  /**
   * @param codes the municipalities of the area, empty when it is drawn (a polygon or a ring)
   * @param before the count before, as the reader may see it: null when suppressed
   * @param suppressed whether a count of this area is suppressed for the reader
   */
  public record Area(List<String> codes, String description, Long before, Long after, boolean suppressed) {
  }

  public record Periods(String before, String after, String category, String source) {
  }

  /** The weighted displacement difference and its test (normal approximation, two-sided). */
  public record Wdd(Double estimate, Double variance, Double z, Double p, double[] ci90) {
  }

  public record Interpretation(String nl, String en) {
  }
}
