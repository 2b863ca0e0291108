package nl.veiligheidskaart.service.web;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.api.NotFoundException;
import nl.veiligheidskaart.service.config.IncidentCategories;
import nl.veiligheidskaart.service.maptiles.VectorTileService;
import nl.veiligheidskaart.service.security.SignedInUser;
import nl.veiligheidskaart.tiles.geo.TileCoordinate;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * XYZ vector tiles in Web Mercator and their TileJSON. Tiles carry an ETag of their content and
 * may be kept a minute by the browser only (they depend on the account, so never by shared caches).
 */
@RestController
@RequestMapping("/api/v1/tiles")
class TileController {

  static final MediaType MVT = MediaType.parseMediaType("application/vnd.mapbox-vector-tile");
  private static final CacheControl PRIVATE_MINUTE = CacheControl.maxAge(Duration.ofMinutes(1)).cachePrivate();

  private final VectorTileService tiles;
  private final IncidentCategories categories;

  TileController(VectorTileService tiles, IncidentCategories categories) {
    this.tiles = tiles;
    this.categories = categories;
  }

  @GetMapping("/{layer}/{z}/{x}/{y}.mvt")
  ResponseEntity<byte[]> vectorTile(@PathVariable String layer, @PathVariable String z, @PathVariable String x,
      @PathVariable String y, @RequestParam(required = false) List<String> category,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch, Authentication user) {
    TileCoordinate tile = tile(z, x, y);
    VectorTileService.Filter filter = new VectorTileService.Filter(categories.parse(category, "category"),
        IncidentController.instant("from", from), IncidentController.instant("to", to));
    byte[] body = tiles.tile(layer, tile, filter, SignedInUser.role(user).orElseThrow());
    String etag = "\"" + digest(body) + "\"";
    if (etag.equals(ifNoneMatch)) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(PRIVATE_MINUTE).build();
    }
    return ResponseEntity.ok().contentType(MVT).eTag(etag).cacheControl(PRIVATE_MINUTE).body(body);
  }

  /** TileJSON 3.0.0 of a vector layer, so that MapLibre, QGIS and Leaflet plugins find the tiles. */
  @GetMapping("/{layer}.json")
  Map<String, Object> tileJson(@PathVariable String layer) {
    if (!VectorTileService.LAYERS.contains(layer)) {
      throw new NotFoundException("No tile layer '" + layer + "'");
    }
    String base = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/tiles/" + layer).toUriString();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("tilejson", "3.0.0");
    json.put("name", layer);
    json.put("tiles", List.of(base + "/{z}/{x}/{y}.mvt"));
    json.put("minzoom", 0);
    json.put("maxzoom", TileCoordinate.MAX_ZOOM);
    json.put("bounds", List.of(3.0, 50.5, 7.5, 53.8));
    json.put("vector_layers", List.of(Map.of("id", layer.equals("incidents") ? "incidents" : layer,
        "description", layer.equals("incidents") ? "points from zoom " + VectorTileService.RAW_POINTS_FROM_ZOOM
            + " for analysts; below that, and for other roles, the layer incident-cells with counts" : layer,
        "fields", Map.of())));
    return json;
  }

  private static TileCoordinate tile(String z, String x, String y) {
    try {
      return new TileCoordinate(Integer.parseInt(z), Integer.parseInt(x), Integer.parseInt(y));
    } catch (NumberFormatException e) {
      throw new InvalidParameterException("tile", "z, x and y are whole numbers, not " + z + "/" + x + "/" + y);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("tile", e.getMessage());
    }
  }

  private static String digest(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
