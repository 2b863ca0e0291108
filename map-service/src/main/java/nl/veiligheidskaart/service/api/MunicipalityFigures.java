package nl.veiligheidskaart.service.api;

import java.util.List;

/**
 * The incident figures of one municipality for the viewer's panel: per category the count in the
 * period and in the period of the same length before it, and the count per month. A count is null
 * when it is suppressed for the reader (below the minimum count that may be shown), and so is its
 * rate per 1,000 inhabitants, which is drawn from the count as shown.
 *
 * @param from the period's first day, inclusive (ISO date)
 * @param to the period's end, exclusive
 * @param previousFrom the start of the period before, which ends at {@code from}
 * @param population inhabitants on 1 January of {@code populationYear}; null when none are loaded
 * @param populationYear the year of the population figure: the nearest to the period's first day
 */
public record MunicipalityFigures(String code, String name, String from, String to, String previousFrom,
    Long population, Integer populationYear, List<CategoryCount> categories, List<MonthCount> months) {

  /** @param ratePer1000 {@code count} per 1,000 inhabitants; null when the count or the population is */
  public record CategoryCount(String category, String label, Long count, Long previousCount, boolean suppressed,
      Double ratePer1000) {
  }

  /** @param month YYYY-MM */
  public record MonthCount(String month, Long count, boolean suppressed) {
  }
}
