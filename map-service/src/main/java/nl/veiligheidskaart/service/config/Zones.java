package nl.veiligheidskaart.service.config;

import java.time.ZoneId;

/** The time zone in which dates, months and periods of the safety network are meant. */
public final class Zones {

  /** Its name, for annotations, which take only constant strings. */
  public static final String NETHERLANDS_ID = "Europe/Amsterdam";

  public static final ZoneId NETHERLANDS = ZoneId.of(NETHERLANDS_ID);

  private Zones() {
  }
}
