package nl.veiligheidskaart.service.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.config.IncidentCategories;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.service.displacement.StudyPeriod;
import nl.veiligheidskaart.service.store.CountSource;
import org.springdoc.core.annotations.ParameterObject;

/**
 * The query parameters every waterbed check takes (for municipalities, for a drawn area, and the
 * overview): the theme ({@code category}), where the counts come from ({@code source}, incidents by
 * default, or the registered-crime table), and the periods: {@code interventionDate} with a
 * {@code window} each side, or {@code before} and {@code after}. Checked here, once.
 */
@ParameterObject
record DisplacementQuery(String category, String source, String interventionDate, String window, String before,
    String after) {

  /** Where the counts come from: the incidents unless {@code source=statistics}. */
  CountSource countSource() {
    return source == null ? CountSource.INCIDENTS : EnumParameter.parse("source", source, CountSource.class);
  }

  /** The theme to check: an incident category, or on the registered-crime table a statistic's code. */
  String theme(IncidentCategories categories) {
    if (category == null || category.isBlank()) {
      throw new InvalidParameterException("category", "give the category to check, e.g. woninginbraak, or for area "
          + "statistics its code, e.g. 1.1.1");
    }
    if (countSource() == CountSource.STATISTICS) {
      return category.strip();
    }
    return categories.parse(List.of(category), "category").get(0);
  }

  /**
   * The before and after periods: an intervention date with a window each side (default one year),
   * or the before and after periods given; for the reader's policy in whole months, the
   * intervention's rule named by its own parameters.
   */
  StudyPeriod[] periods(DisclosurePolicy policy) {
    StudyPeriod[] periods = studyPeriods();
    if (interventionDate != null && !interventionDate.isBlank()) {
      policy.requirePeriodBoundary("interventionDate", periods[1].from());
      policy.requirePeriodBoundary("window", periods[0].from());
      policy.requirePeriodBoundary("window", periods[1].to());
    }
    return periods;
  }

  private StudyPeriod[] studyPeriods() {
    boolean byDate = interventionDate != null && !interventionDate.isBlank();
    boolean byPeriods = before != null || after != null;
    if (byDate == byPeriods) {
      throw new InvalidParameterException(byDate ? "before" : "interventionDate", "give either interventionDate "
          + "(with window, default P1Y) or before and after, not " + (byDate ? "both" : "neither"));
    }
    if (byDate) {
      LocalDate date;
      Period each;
      try {
        date = LocalDate.parse(interventionDate.strip());
      } catch (DateTimeException e) {
        throw new InvalidParameterException("interventionDate", "'" + interventionDate
            + "' is not a date (YYYY-MM-DD)");
      }
      try {
        each = window == null || window.isBlank() ? Period.ofYears(1) : Period.parse(window.strip());
      } catch (DateTimeException e) {
        throw new InvalidParameterException("window", "'" + window + "' is not a period such as P1Y, P6M or P12W");
      }
      if (each.isNegative() || each.isZero()) {
        throw new InvalidParameterException("window", "the window must be longer than zero");
      }
      return StudyPeriod.around(date, each);
    }
    if (before == null || after == null) {
      throw new InvalidParameterException(before == null ? "before" : "after", "give both before and after");
    }
    StudyPeriod[] periods = {period("before", before), period("after", after)};
    if (periods[1].first().isBefore(periods[0].end())) {
      throw new InvalidParameterException("after", "the after period must start when the before period has ended");
    }
    return periods;
  }

  private static StudyPeriod period(String parameter, String value) {
    try {
      return StudyPeriod.parse(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException(parameter, e.getMessage());
    }
  }
}
