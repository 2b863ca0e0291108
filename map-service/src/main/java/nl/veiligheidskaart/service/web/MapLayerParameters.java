package nl.veiligheidskaart.service.web;

import nl.veiligheidskaart.service.api.NotFoundException;
import nl.veiligheidskaart.service.maptiles.MapLayerCatalogue;
import nl.veiligheidskaart.service.maptiles.MapLayerDefinition;

/** The map layer a request names in its path, as the XYZ tiles, TileJSON and OGC API - Tiles read it. */
final class MapLayerParameters {

  private MapLayerParameters() {
  }

  /** A map layer by its id; 404 naming the layers there are. */
  static MapLayerDefinition layer(MapLayerCatalogue catalogue, String layer) {
    return catalogue.find(layer).orElseThrow(() -> new NotFoundException("No tile layer '" + layer + "'; there are "
        + String.join(", ", catalogue.ids())));
  }
}
