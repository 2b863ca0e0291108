package nl.veiligheidskaart.service.store;

import java.time.Instant;
import java.util.List;

/**
 * Which incidents a read asks for; null or empty parts do not filter.
 *
 * @param categories any of these categories
 * @param from inclusive
 * @param to exclusive
 * @param municipalityCodes in any of these municipalities
 */
public record IncidentFilter(List<String> categories, Instant from, Instant to, List<String> municipalityCodes) {

  /** Everything. */
  public static IncidentFilter all() {
    return new IncidentFilter(List.of(), null, null, List.of());
  }
}
