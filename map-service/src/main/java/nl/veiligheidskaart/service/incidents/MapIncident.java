package nl.veiligheidskaart.service.incidents;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * One incident as the map layers show it: its location in the map CRS it was asked for (Web
 * Mercator or RD New) and what a map feature says of it.
 */
public record MapIncident(String sourceId, String category, Instant occurredAt, boolean demo, double x, double y) {

  /**
   * The time as {@link Instant#toString()} writes it (2024-03-01T20:30:00Z), written directly for
   * whole seconds in years 1000-9999: raw-point tiles write thousands per tile.
   */
  public String occurredAtText() {
    long millis = occurredAt.toEpochMilli();
    long seconds = Math.floorDiv(millis, 1000);
    LocalDateTime time = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
    if (millis % 1000 != 0 || time.getYear() < 1000 || time.getYear() > 9999) {
      return occurredAt.toString();
    }
    char[] text = "0000-00-00T00:00:00Z".toCharArray();
    digits(text, 0, time.getYear(), 4);
    digits(text, 5, time.getMonthValue(), 2);
    digits(text, 8, time.getDayOfMonth(), 2);
    digits(text, 11, time.getHour(), 2);
    digits(text, 14, time.getMinute(), 2);
    digits(text, 17, time.getSecond(), 2);
    return new String(text);
  }

  private static void digits(char[] text, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      text[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
