package nl.veiligheidskaart.service.displacement;

import static nl.veiligheidskaart.service.config.Zones.NETHERLANDS;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;

/**
 * A before or after period: the half-open range [from, to) of Dutch calendar days.
 *
 * @param label as the user wrote it, for the answer
 */
public record StudyPeriod(String label, LocalDate first, LocalDate end) {


  /**
   * A year ({@code 2015}), a month ({@code 2015-03}) or a range of days with both ends included
   * ({@code 2015-01-01..2015-06-30}).
   *
   * @throws IllegalArgumentException naming the accepted forms
   */
  public static StudyPeriod parse(String text) {
    String value = text.strip();
    try {
      if (value.matches("\\d{4}")) {
        LocalDate first = LocalDate.of(Integer.parseInt(value), 1, 1);
        return new StudyPeriod(value, first, first.plusYears(1));
      }
      if (value.matches("\\d{4}-\\d{2}")) {
        LocalDate first = YearMonth.parse(value).atDay(1);
        return new StudyPeriod(value, first, first.plusMonths(1));
      }
      if (value.matches("\\d{4}-\\d{2}-\\d{2}\\.\\.\\d{4}-\\d{2}-\\d{2}")) {
        LocalDate first = LocalDate.parse(value.substring(0, 10));
        LocalDate last = LocalDate.parse(value.substring(12));
        if (last.isBefore(first)) {
          throw new IllegalArgumentException("the period " + value + " ends before it starts");
        }
        return new StudyPeriod(value, first, last.plusDays(1));
      }
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("'" + value + "' holds a date that does not exist");
    }
    throw new IllegalArgumentException("'" + value + "' is not a period: use a year (2015), a month (2015-03) or "
        + "days (2015-01-01..2015-06-30)");
  }

  /** The window before and the window after an intervention date. */
  public static StudyPeriod[] around(LocalDate intervention, Period window) {
    return new StudyPeriod[] {
        new StudyPeriod(intervention.minus(window) + ".." + intervention.minusDays(1), intervention.minus(window),
            intervention),
        new StudyPeriod(intervention + ".." + intervention.plus(window).minusDays(1), intervention,
            intervention.plus(window))};
  }

  public Instant from() {
    return first.atStartOfDay(NETHERLANDS).toInstant();
  }

  public Instant to() {
    return end.atStartOfDay(NETHERLANDS).toInstant();
  }

  /** Whether [start, end) lies within this period. */
  boolean covers(LocalDate start, LocalDate endExclusive) {
    return !start.isBefore(first) && !endExclusive.isAfter(end);
  }
}
