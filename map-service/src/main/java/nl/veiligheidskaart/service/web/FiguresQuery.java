package nl.veiligheidskaart.service.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.veiligheidskaart.service.config.IncidentCategories;
import nl.veiligheidskaart.service.config.Zones;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import org.springdoc.core.annotations.ParameterObject;

/**
 * The query parameters of a municipality's figures: the themes ({@code category}, repeated or absent
 * for all) and the period ({@code from}, {@code to}), checked against the reader's policy.
 */
@ParameterObject
record FiguresQuery(List<String> category, String from, String to) {

  List<String> categories(IncidentCategories categories) {
    return categories.parse(category, "category");
  }

  /**
   * The period as the reader may ask for it; without {@code from} and {@code to} the year up to and
   * including today for analysts, the twelve completed months for the others.
   */
  ReaderPeriod period(DisclosurePolicy policy) {
    ReaderPeriod period = ReaderPeriod.of(from, to, policy);
    Instant end = period.to() != null ? period.to()
        : LocalDate.now(Zones.NETHERLANDS).plusDays(1).atStartOfDay(Zones.NETHERLANDS).toInstant();
    Instant start = period.from() != null ? period.from() : end.atZone(Zones.NETHERLANDS).minusYears(1).toInstant();
    return new ReaderPeriod(start, end);
  }
}
