package nl.veiligheidskaart.service.incidents;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import nl.veiligheidskaart.service.config.Zones;

/**
 * Which incidents a question is about.
 *
 * @param categories any of these categories; empty for every category
 * @param from inclusive, or null for since the first incident
 * @param to exclusive, or null for up to the last incident: the period is [from, to)
 * @param municipalities only incidents in these municipalities (an empty set: none, and incidents
 *     without a municipality never); null for every incident, those without a municipality included
 */
public record IncidentQuery(List<String> categories, Instant from, Instant to, Set<String> municipalities) {

  public IncidentQuery {
    categories = categories == null ? List.of() : List.copyOf(categories);
    municipalities = municipalities == null ? null : Set.copyOf(municipalities);
  }

  /** The incidents of these categories in [from, to), wherever they are. */
  public static IncidentQuery of(List<String> categories, Instant from, Instant to) {
    return new IncidentQuery(categories, from, to, null);
  }

  /** Every incident. */
  public static IncidentQuery all() {
    return of(List.of(), null, null);
  }

  /** This query, only in the given municipalities (null: wherever). */
  public IncidentQuery within(Collection<String> codes) {
    return new IncidentQuery(categories, from, to, codes == null ? null : Set.copyOf(codes));
  }

  /** This query over another period. */
  public IncidentQuery during(Instant from, Instant to) {
    return new IncidentQuery(categories, from, to, municipalities);
  }

  /**
   * The start of the period of the same length just before [from, to), in Dutch calendar terms: a
   * period of whole months goes back as many months (the quarter before a quarter), any other
   * period the same number of days, whatever summer time does.
   */
  public static Instant previousPeriodStart(Instant from, Instant to) {
    ZonedDateTime start = from.atZone(Zones.NETHERLANDS);
    ZonedDateTime end = to.atZone(Zones.NETHERLANDS);
    if (isMonthStart(start) && isMonthStart(end)) {
      return start.minusMonths(ChronoUnit.MONTHS.between(start, end)).toInstant();
    }
    long days = ChronoUnit.DAYS.between(start, end);
    Duration rest = Duration.between(start.plusDays(days), end);
    return start.minusDays(days).minus(rest).toInstant();
  }

  private static boolean isMonthStart(ZonedDateTime time) {
    return time.getDayOfMonth() == 1 && time.toLocalTime().equals(LocalTime.MIDNIGHT);
  }
}
