package nl.veiligheidskaart.service.web;

import java.util.List;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.config.IncidentCategories;
import nl.veiligheidskaart.service.hotspots.IncidentSelection;
import nl.veiligheidskaart.service.hotspots.RateService.RateOptions;
import nl.veiligheidskaart.service.hotspots.RateService.Smoothing;
import nl.veiligheidskaart.service.store.CountSource;
import org.springdoc.core.annotations.ParameterObject;

/**
 * The query parameters of the rates per 1,000 inhabitants: what is counted ({@code source}
 * {@code incidents} with {@code category} repeated or absent and the period {@code from},
 * {@code to}; or {@code statistics} with one {@code category}, e.g. 1.1.1, and one {@code period},
 * e.g. 2018), the {@code area} (all, a district or a municipality) and the {@code smoothing}
 * ({@code none}, {@code global-eb}, {@code local-eb}).
 */
@ParameterObject
record RatesQuery(List<String> category, String source, String period, String from, String to, String smoothing,
    String area) {

  RateOptions options() {
    CountSource countSource = EnumParameter.parse("source", source == null ? "incidents" : source, CountSource.class);
    Smoothing method = EnumParameter.parse("smoothing", smoothing == null ? "none" : smoothing, Smoothing.class);
    String statisticCategory = category == null || category.isEmpty() ? null : category.get(0).strip();
    return new RateOptions(countSource, method, statisticCategory, period);
  }

  /** The incidents counted; on the area statistics only the area (their category and period are options). */
  IncidentSelection selection(IncidentCategories categories, RateOptions options) {
    boolean incidents = options.source() == CountSource.INCIDENTS;
    if (!incidents && (from != null || to != null)) {
      throw new InvalidParameterException(from != null ? "from" : "to",
          "the area statistics are selected by period (e.g. 2018), not by from and to");
    }
    IncidentSelection selection = new IncidentSelection(incidents ? categories.parse(category, "category") : List.of(),
        DateParameter.instant("from", from), DateParameter.instant("to", to), area);
    if (selection.from() != null && selection.to() != null && !selection.to().isAfter(selection.from())) {
      throw new InvalidParameterException("to", "to (" + to + ") must lie after from (" + from + ")");
    }
    return selection;
  }
}
