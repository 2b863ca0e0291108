package nl.veiligheidskaart.service.incidents;

import java.time.Instant;
import java.util.Arrays;
import nl.veiligheidskaart.service.config.Zones;

/**
 * When selected incidents happened, as windows [start, end] in epoch milliseconds, ordered by start
 * and then end: end = start for an incident whose moment is known; the start of the next day (Dutch
 * time) for one known by its date only; {@code occurred_to} for one that happened some time in a
 * window (a burglary found after a weekend).
 */
public record IncidentTimeWindows(long[] startMillis, long[] endMillis) {

  public int size() {
    return startMillis.length;
  }

  /** The end of an incident's window, from what the store holds of it. */
  static long end(Instant occurredAt, boolean hasTime, Instant occurredTo) {
    if (occurredTo != null) {
      return occurredTo.toEpochMilli();
    }
    if (hasTime) {
      return occurredAt.toEpochMilli();
    }
    return occurredAt.atZone(Zones.NETHERLANDS).toLocalDate().plusDays(1).atStartOfDay(Zones.NETHERLANDS)
        .toInstant().toEpochMilli();
  }

  /** Windows in the promised order, from starts and ends in any order (the arrays are sorted in place). */
  static IncidentTimeWindows sorted(long[] starts, long[] ends) {
    Integer[] order = new Integer[starts.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> starts[a] != starts[b] ? Long.compare(starts[a], starts[b])
        : Long.compare(ends[a], ends[b]));
    long[] start = new long[starts.length];
    long[] end = new long[starts.length];
    for (int i = 0; i < order.length; i++) {
      start[i] = starts[order[i]];
      end[i] = ends[order[i]];
    }
    return new IncidentTimeWindows(start, end);
  }
}
