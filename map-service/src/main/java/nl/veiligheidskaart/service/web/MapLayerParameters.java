package nl.veiligheidskaart.service.web;

import java.util.Arrays;
import nl.veiligheidskaart.service.api.NotFoundException;
import nl.veiligheidskaart.service.maptiles.MapLayerId;

/** The map layer a request names in its path, as the XYZ tiles, TileJSON and OGC API - Tiles read it. */
final class MapLayerParameters {

  private MapLayerParameters() {
  }

  /** A map layer by its id; 404 naming the layers there are. */
  static MapLayerId layer(String layer) {
    return MapLayerId.of(layer).orElseThrow(() -> new NotFoundException("No tile layer '" + layer + "'; there are "
        + String.join(", ", Arrays.stream(MapLayerId.values()).map(MapLayerId::id).toList())));
  }
}
