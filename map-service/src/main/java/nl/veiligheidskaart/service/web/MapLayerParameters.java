package nl.veiligheidskaart.service.web;

import java.util.Arrays;
import java.util.List;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.api.NotFoundException;
import nl.veiligheidskaart.service.config.IncidentCategories;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.service.maptiles.ChoroplethMeasure;
import nl.veiligheidskaart.service.maptiles.MapLayerFilter;
import nl.veiligheidskaart.service.maptiles.MapLayerId;

/** The parameters of a map layer request, as the XYZ tiles, TileJSON and OGC API - Tiles read them. */
final class MapLayerParameters {

  private MapLayerParameters() {
  }

  /** A map layer by its id; 404 naming the layers there are. */
  static MapLayerId layer(String layer) {
    return MapLayerId.of(layer).orElseThrow(() -> new NotFoundException("No tile layer '" + layer + "'; there are "
        + String.join(", ", Arrays.stream(MapLayerId.values()).map(MapLayerId::id).toList())));
  }

  /** The incidents a map layer shows, as the reader may ask for them (whole months for all but analysts). */
  static MapLayerFilter filter(IncidentCategories categories, List<String> category, String from, String to,
      DisclosurePolicy policy) {
    ReaderPeriod period = ReaderPeriod.of(from, to, policy);
    return new MapLayerFilter(categories.parse(category, "category"), period.from(), period.to());
  }

  /** The choropleth's measure: count (the default), rate or change. */
  static ChoroplethMeasure measure(String measure) {
    if (measure == null) {
      return ChoroplethMeasure.COUNT;
    }
    return ChoroplethMeasure.fromWireName(measure).orElseThrow(() -> new InvalidParameterException("measure",
        "measure is count, rate or change, not '" + measure + "'"));
  }
}
