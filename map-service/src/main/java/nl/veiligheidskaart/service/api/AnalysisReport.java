package nl.veiligheidskaart.service.api;

import java.util.List;
import java.util.Map;

/**
 * What an analysis ran on and how: the number of units, the mean and standard deviation of their
 * values, every parameter with how it was chosen, and warnings the analyst should read.
 */
public record AnalysisReport(int n, double mean, double standardDeviation, Map<String, ChosenParameter> parameters,
    List<String> warnings) {

  /** A parameter's value and why it has it ("given", or the rule that chose it). */
  public record ChosenParameter(Object value, String chosenBy) {
  }
}
