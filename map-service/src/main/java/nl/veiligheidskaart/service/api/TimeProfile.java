package nl.veiligheidskaart.service.api;

import java.util.List;

/**
 * When the selected incidents happen: aoristic weights per weekday × hour of the day (Dutch time),
 * each incident spread evenly over the hours of its window, with the totals per weekday, per hour and
 * overall. For every role but ANALYST the weights are counts as the disclosure policy shows them
 * (rounded, null where suppressed), the totals drawn from the unrounded weights the same way.
 *
 * @param weekdays the rows, Monday first (ISO day numbers 1-7)
 * @param weights weights[weekday][hour], hours 0-23
 * @param incidents how many incidents were spread, as the reader may see it
 * @param spread how many of them had a window (a date only, or an occurred_to) rather than a moment
 * @param exact whether the figures are exact (ANALYST) or as the disclosure policy shows them
 */
public record TimeProfile(List<Integer> weekdays, List<List<Double>> weights, List<Double> weekdayTotals,
    List<Double> hourTotals, Double total, Long incidents, Long spread, boolean exact, AnalysisReport analysis) {
}
