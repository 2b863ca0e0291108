package nl.veiligheidskaart.service.analysis;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Aoristic analysis of when incidents happen (Ratcliffe 2002): an incident known only to have
 * happened some time in a window [start, end] (a burglary found after a weekend, a date without a
 * time) is spread over the hours of that window, each hour getting the share of the window it
 * covers, so that every incident weighs 1 in total. A window of whole hours thus gives each of its
 * k hours 1/k, as Ratcliffe's aoristic weights; an incident at a known moment (end = start) weighs 1
 * in its own hour. The hours are those of the local clock of {@code zone}: weekday (Monday first)
 * × hour of the day 0–23; the hour that summer time skips gets nothing, the hour repeated in
 * autumn gets both.
 */
public final class AoristicProfile {

  public static final int WEEKDAYS = 7;
  public static final int HOURS = 24;

  private AoristicProfile() {
  }

  /**
   * The weights per weekday and hour.
   *
   * @param startMillis each incident's start, epoch milliseconds
   * @param endMillis each incident's end, at or after its start
   * @return weights[weekday][hour], weekday 0 = Monday; the weights sum to the number of incidents
   */
  public static double[][] weekdayHour(long[] startMillis, long[] endMillis, ZoneId zone) {
    if (startMillis.length != endMillis.length) {
      throw new IllegalArgumentException("an end for each start");
    }
    double[][] weights = new double[WEEKDAYS][HOURS];
    for (int i = 0; i < startMillis.length; i++) {
      long start = startMillis[i];
      long end = endMillis[i];
      if (end < start) {
        throw new IllegalArgumentException("incident " + i + " ends before it starts");
      }
      ZonedDateTime local = Instant.ofEpochMilli(start).atZone(zone);
      if (end == start) {
        weights[local.getDayOfWeek().ordinal()][local.getHour()] += 1;
        continue;
      }
      double length = end - start;
      long at = start;
      while (at < end) {
        long nextHour = local.truncatedTo(ChronoUnit.HOURS).plusHours(1).toInstant().toEpochMilli();
        long until = Math.min(nextHour, end);
        weights[local.getDayOfWeek().ordinal()][local.getHour()] += (until - at) / length;
        at = until;
        local = Instant.ofEpochMilli(at).atZone(zone);
      }
    }
    return weights;
  }
}
