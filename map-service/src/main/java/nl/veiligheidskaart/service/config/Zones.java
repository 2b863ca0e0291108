package nl.veiligheidskaart.service.config;

import java.time.ZoneId;

/** The time zone in which dates, months and periods of the safety network are meant. */
public final class Zones {

  public static final ZoneId NETHERLANDS = ZoneId.of("Europe/Amsterdam");

  private Zones() {
  }
}
