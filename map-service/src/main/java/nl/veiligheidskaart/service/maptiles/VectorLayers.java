package nl.veiligheidskaart.service.maptiles;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.tiles.geo.TileCoordinate;
import nl.veiligheidskaart.tiles.geo.TileMatrixSet;

/**
 * The MVT layers in the vector tiles of each map layer and the attributes their features carry: what
 * {@link VectorTileService} writes and what TileJSON's {@code vector_layers} tells clients.
 */
public final class VectorLayers {

  /**
   * One MVT layer as TileJSON 3.0.0 describes it.
   *
   * @param fields attribute name to a description of its values (TileJSON wants strings)
   */
  public record VectorLayer(String id, String description, Map<String, String> fields, int minzoom, int maxzoom) {
  }

  static final VectorLayer HEMP_SITES = new VectorLayer("hemp-sites", "Dismantled hemp plantations", fields(
      "sourceId", "String: the id in the source system", "siteType", "String: house, business, outdoor or other",
      "foundOn", "String: the date found (ISO 8601)", "plantCount", "Number: plants found",
      "demo", "Boolean: synthetic demonstration data"), 0, TileCoordinate.MAX_ZOOM);
  static final VectorLayer HOLIDAY_PARKS = new VectorLayer("holiday-parks", "Holiday parks", fields(
      "sourceId", "String: the id in the source system", "name", "String", "units", "Number: accommodation units",
      "demo", "Boolean: synthetic demonstration data"), 0, TileCoordinate.MAX_ZOOM);
  static final VectorLayer OMG_CLUBHOUSES = new VectorLayer("omg-clubhouses", "Clubhouses of outlaw motorcycle gangs",
      fields("sourceId", "String: the id in the source system", "club", "String", "status", "String: active or closed",
          "demo", "Boolean: synthetic demonstration data"), 0, TileCoordinate.MAX_ZOOM);

  private VectorLayers() {
  }

  /** The MVT layers of a map layer in Web Mercator tiles as this reader gets them; empty for the heatmap. */
  public static List<VectorLayer> of(MapLayerId layer, DisclosurePolicy policy) {
    return of(layer, policy, TileMatrixSet.WEB_MERCATOR_QUAD);
  }

  /**
   * The MVT layers of a map layer in a tile matrix set as this reader gets them, with the levels of
   * that set they appear at; empty for the heatmap (raster only).
   */
  public static List<VectorLayer> of(MapLayerId layer, DisclosurePolicy policy, TileMatrixSet set) {
    int maxZoom = set.maxLevel();
    int rawPointsFrom = MapLayerComposer.rawPointsFromLevel(set);
    return switch (layer) {
      case MUNICIPALITIES -> List.of(new VectorLayer("municipalities", "Municipalities with the choropleth's figures; "
          + "suppressed and out-of-scope municipalities carry no figures", fields(
              "code", "String: CBS municipality code", "name", "String", "district", "String: police district",
              "state", "String: shown, suppressed, not-defined or outside-scope",
              "count", "Number: incidents in the period", "previousCount", "Number: incidents in the period before "
                  + "(measure change only)", "value", "Number: the measure", "class", "Number: the index of the "
                  + "legend entry"), 0, maxZoom));
      case INCIDENTS -> {
        VectorLayer points = new VectorLayer("incidents", "Single incidents", fields(
            "sourceId", "String: the id in the source system", "category", "String: the incident category",
            "occurredAt", "String: UTC, ISO 8601", "demo", "Boolean: synthetic demonstration data"),
            rawPointsFrom, maxZoom);
        String cellsDescription = "Incidents counted per cell of 16 x 16 pixels of the tile";
        yield policy.exact()
            ? List.of(new VectorLayer("incident-cells", cellsDescription, fields("count", "Number: incidents in the "
                + "cell"), 0, rawPointsFrom - 1), points)
            : List.of(new VectorLayer("incident-cells", cellsDescription + "; cells below the minimum count are left "
                + "out", fields("count", "Number: incidents in the cell"), 0, maxZoom));
      }
      case HOTSPOTS -> List.of(new VectorLayer("hotspots", "Gi* cells of the default grid analysis", fields(
          "cellId", "String", "count", "Number: incidents in the cell", "giZ", "Number: Gi* z-score",
          "giP", "Number: p-value", "giBin", "Number: -3 to 3, the confidence bin as ArcGIS's Gi_Bin"), 0, maxZoom));
      case HEMP_SITES -> List.of(upTo(HEMP_SITES, maxZoom));
      case HOLIDAY_PARKS -> List.of(upTo(HOLIDAY_PARKS, maxZoom));
      case OMG_CLUBHOUSES -> List.of(upTo(OMG_CLUBHOUSES, maxZoom));
      case HEATMAP -> List.of();
    };
  }

  private static VectorLayer upTo(VectorLayer layer, int maxZoom) {
    return new VectorLayer(layer.id(), layer.description(), layer.fields(), layer.minzoom(), maxZoom);
  }

  private static Map<String, String> fields(String... namesAndDescriptions) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < namesAndDescriptions.length; i += 2) {
      fields.put(namesAndDescriptions[i], namesAndDescriptions[i + 1]);
    }
    return fields;
  }
}
