package nl.veiligheidskaart.service.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.api.NotFoundException;
import nl.veiligheidskaart.service.config.IncidentCategories;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.service.maptiles.MapLayerCatalogue;
import nl.veiligheidskaart.service.maptiles.MapLayerDefinition;
import nl.veiligheidskaart.service.maptiles.MapLayerRequest;
import nl.veiligheidskaart.service.maptiles.RasterTileService;
import nl.veiligheidskaart.service.maptiles.VectorTileService;
import nl.veiligheidskaart.tiles.geo.MatrixTile;
import nl.veiligheidskaart.tiles.geo.TileCoordinate;
import nl.veiligheidskaart.tiles.geo.TileMatrixSet;
import nl.veiligheidskaart.tiles.render.MapStyle.Legend;
import nl.veiligheidskaart.tiles.render.MapStyle.LegendEntry;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * XYZ tiles in Web Mercator — vector (MVT) and raster (PNG, also {@code @2x}) — and their TileJSON.
 * Tiles carry an ETag of their content and may be kept a minute by the browser only (they depend
 * on the account, so never by shared caches).
 */
@RestController
@RequestMapping("/api/v1/tiles")
class TileController {

  /** The legend with its colours, for the viewer: TileJSON's own member {@code legend} is only text. */
  static final String LEGEND_DATA = "legend_data";

  private final VectorTileService vectorTiles;
  private final RasterTileService rasterTiles;
  private final MapLayerCatalogue catalogue;
  private final IncidentCategories categories;

  TileController(VectorTileService vectorTiles, RasterTileService rasterTiles, MapLayerCatalogue catalogue,
      IncidentCategories categories) {
    this.vectorTiles = vectorTiles;
    this.rasterTiles = rasterTiles;
    this.catalogue = catalogue;
    this.categories = categories;
  }

  @GetMapping("/{layer}/{z}/{x}/{y}.mvt")
  ResponseEntity<byte[]> vectorTile(@PathVariable String layer, @PathVariable String z, @PathVariable String x,
      @PathVariable String y, MapLayerQuery query,
      @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch,
      @RequestHeader(name = "Accept-Encoding", required = false) String acceptEncoding, DisclosurePolicy policy) {
    MapLayerDefinition definition = MapLayerParameters.layer(catalogue, layer);
    if (!definition.hasVectorTiles()) {
      throw new NotFoundException("The layer '" + layer + "' has raster tiles only: ask for .png");
    }
    return TileResponses.respond(vectorTiles.tile(definition, tile(z, x, y), query.request(categories, policy)),
        TileResponses.MVT, ifNoneMatch, acceptEncoding);
  }

  /** {@code y} is the row, or the row followed by {@code @2x} for a 512-pixel tile of the same map. */
  @GetMapping("/{layer}/{z}/{x}/{y}.png")
  ResponseEntity<byte[]> rasterTile(@PathVariable String layer, @PathVariable String z, @PathVariable String x,
      @PathVariable String y, MapLayerQuery query,
      @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch, DisclosurePolicy policy) {
    MapLayerDefinition definition = MapLayerParameters.layer(catalogue, layer);
    int pixelRatio = y.endsWith("@2x") ? 2 : 1;
    String row = pixelRatio == 2 ? y.substring(0, y.length() - 3) : y;
    return TileResponses.respond(rasterTiles.tile(definition, tile(z, x, row), pixelRatio,
        query.request(categories, policy)), MediaType.IMAGE_PNG, ifNoneMatch, null);
  }

  /**
   * TileJSON 3.0.0 of a layer, for MapLibre, QGIS and Leaflet: the tile URL carries the filters
   * given here; {@code legend} states the classes as this account sees them, {@code legend_data} gives
   * them with their colours.
   */
  @GetMapping("/{layer}.json")
  Map<String, Object> tileJson(@PathVariable String layer, @RequestParam(required = false) String format,
      MapLayerQuery query, DisclosurePolicy policy) {
    MapLayerDefinition definition = MapLayerParameters.layer(catalogue, layer);
    boolean vector = definition.hasVectorTiles();
    String tileFormat = format == null ? (vector ? "mvt" : "png") : format;
    if (!(tileFormat.equals("png") || tileFormat.equals("mvt") && vector)) {
      throw new InvalidParameterException("format", "the layer '" + layer + "' has tiles as "
          + (vector ? "png or mvt" : "png") + ", not '" + format + "'");
    }
    MapLayerRequest request = query.request(categories, policy);
    definition.requireVisibleTo(policy);
    String template = ServletUriComponentsBuilder.fromCurrentRequest().replacePath(
        ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/tiles/" + layer).build().getPath()
            + "/{z}/{x}/{y}." + tileFormat).replaceQueryParam("format").build().toUriString()
        .replace("%7B", "{").replace("%7D", "}");
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("tilejson", "3.0.0");
    json.put("name", definition.title());
    json.put("tiles", List.of(template));
    json.put("minzoom", 0);
    json.put("maxzoom", TileCoordinate.MAX_ZOOM);
    json.put("bounds", List.of(3.0, 50.5, 7.5, 53.8));
    json.put("center", List.of(6.1, 52.2, 9));
    json.put("attribution", "Veiligheidskaart Oost-Nederland");
    // TileJSON 3.0.0 requires vector_layers (its schema also of raster tilesets: then empty)
    json.put("vector_layers", tileFormat.equals("mvt")
        ? definition.vectorLayers(policy, TileMatrixSet.WEB_MERCATOR_QUAD) : List.of());
    Legend legend = definition.legend(request);
    json.put("legend", legendText(legend));
    json.put(LEGEND_DATA, legend);
    return json;
  }

  /** TileJSON's legend is a string, shown as text (never as HTML: the labels are not markup). */
  private static String legendText(Legend legend) {
    String title = legend.unit() == null || legend.unit().isBlank() || legend.title().contains(legend.unit())
        ? legend.title() : legend.title() + " (" + legend.unit() + ")";
    return title + ": " + String.join("; ", legend.entries().stream().map(LegendEntry::label).toList());
  }

  private static MatrixTile tile(String z, String x, String y) {
    try {
      return new TileCoordinate(Integer.parseInt(z), Integer.parseInt(x), Integer.parseInt(y)).matrixTile();
    } catch (NumberFormatException e) {
      throw new InvalidParameterException("tile", "z, x and y are whole numbers, not " + z + "/" + x + "/" + y);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("tile", e.getMessage());
    }
  }
}
