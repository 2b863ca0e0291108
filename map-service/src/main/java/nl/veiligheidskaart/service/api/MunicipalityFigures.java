package nl.veiligheidskaart.service.api;

import java.util.List;

/**
 * The incident figures of one municipality for the viewer's panel: per category the count in the
 * period and in the period of the same length before it, and the count per month. A count is null
 * when it is suppressed for the reader (below the minimum count that may be shown).
 *
 * @param from the period's first day, inclusive (ISO date)
 * @param to the period's end, exclusive
 * @param previousFrom the start of the period before, which ends at {@code from}
 */
public record MunicipalityFigures(String code, String name, String from, String to, String previousFrom,
    List<CategoryCount> categories, List<MonthCount> months) {

  public record CategoryCount(String category, String label, Long count, Long previousCount, boolean suppressed) {
  }

  /** @param month YYYY-MM */
  public record MonthCount(String month, Long count, boolean suppressed) {
  }
}
