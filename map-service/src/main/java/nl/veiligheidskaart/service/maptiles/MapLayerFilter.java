package nl.veiligheidskaart.service.maptiles;

import java.time.Instant;
import java.util.List;

/**
 * Which incidents the map layers show.
 *
 * @param categories empty for all
 * @param from inclusive, or null
 * @param to exclusive, or null
 */
public record MapLayerFilter(List<String> categories, Instant from, Instant to) {

  public MapLayerFilter {
    categories = categories == null ? List.of() : List.copyOf(categories);
  }

  public static MapLayerFilter all() {
    return new MapLayerFilter(List.of(), null, null);
  }
}
