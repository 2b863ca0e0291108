package nl.veiligheidskaart.service.web;

import java.util.List;
import nl.veiligheidskaart.service.config.IncidentCategories;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.service.hotspots.IncidentSelection;
import org.springdoc.core.annotations.ParameterObject;

/**
 * The query parameters of the time profile: {@code category} (repeated, or absent for all), the
 * period {@code from}, {@code to} (whole months for every role but ANALYST, see {@link ReaderPeriod})
 * and the {@code area} (all, a district or a municipality).
 */
@ParameterObject
record TimeProfileQuery(List<String> category, String from, String to, String area) {

  IncidentSelection selection(IncidentCategories categories, DisclosurePolicy policy) {
    List<String> chosen = categories.parse(category, "category");
    ReaderPeriod period = ReaderPeriod.of(from, to, policy);
    return new IncidentSelection(chosen, period.from(), period.to(), area);
  }
}
