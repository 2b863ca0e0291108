package nl.veiligheidskaart.service.api;

import java.util.List;

/**
 * The strategy monitor of one area: per theme the indicator in a year against its baseline year
 * and the strategy's target. Counts are as the reader may see them (rounded and suppressed for
 * roles other than ANALYST); a change is drawn from the counts as shown.
 *
 * @param area {@code unit}, a district code or a municipality code
 * @param source {@code statistics} (the registered-crime table) or {@code incidents}
 * @param strategy the strategy's title
 */
public record StrategyMonitorReport(String area, String areaName, String source, String strategy,
    List<Indicator> indicators) {

  /**
   * @param theme the incident category of the strategy's theme, or null for a category the strategy does not name
   * @param category what is counted: the incident category, or the offence's full title in the registered-crime table
   * @param baseline the count in {@code baselineYear}; null when suppressed or not held
   * @param value the count in {@code year}; null when suppressed or not held
   * @param changePercent from baseline to value, one decimal; null when either is null or the baseline is 0
   * @param target the strategy's change by {@code targetYear} in percent; null without a target for this baseline
   * @param expectedChangePercent where the straight path from the baseline to the target stands in {@code year}
   * @param onTrack whether the change is at least as large as that (in the target's direction); null without target
   * @param complete whether every year of the series is held whole (the incidents: from their first day)
   * @param series the count of each year from the baseline year to the year
   * @param portfolioHolder who holds the theme in the board, when recorded
   */
  public record Indicator(String theme, String category, String label, int baselineYear, Long baseline, int year,
      Long value, Double changePercent, Double target, Integer targetYear, Double expectedChangePercent,
      Boolean onTrack, boolean complete, List<YearCount> series, String portfolioHolder) {
  }

  /**
   * @param count null when suppressed, or for a year not held
   * @param held whether the source holds the year at all (the incidents: from their first year on)
   */
  public record YearCount(int year, Long count, boolean held) {
  }
}
