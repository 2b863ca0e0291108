package nl.veiligheidskaart.service.store;

import java.time.Instant;
import java.util.List;
import nl.veiligheidskaart.service.query.Condition;
import org.locationtech.jts.geom.Geometry;

/**
 * Which incidents a read asks for; null or empty parts do not filter.
 *
 * @param categories any of these categories
 * @param from inclusive
 * @param to exclusive
 * @param municipalityCodes in any of these municipalities
 * @param area intersecting this area (RD New), e.g. a bounding box; null for anywhere
 * @param condition a CQL2 filter on the queryables of {@link IncidentQueries#QUERYABLES}; null for none
 */
public record IncidentFilter(List<String> categories, Instant from, Instant to, List<String> municipalityCodes,
    Geometry area, Condition condition) {

  public IncidentFilter(List<String> categories, Instant from, Instant to, List<String> municipalityCodes,
      Geometry area) {
    this(categories, from, to, municipalityCodes, area, null);
  }

  public IncidentFilter(List<String> categories, Instant from, Instant to, List<String> municipalityCodes) {
    this(categories, from, to, municipalityCodes, null);
  }

  /** Everything. */
  public static IncidentFilter all() {
    return new IncidentFilter(List.of(), null, null, List.of());
  }
}
