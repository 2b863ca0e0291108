package nl.veiligheidskaart.service.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.api.NotFoundException;
import nl.veiligheidskaart.service.config.IncidentCategories;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.service.features.FeatureCollections;
import nl.veiligheidskaart.service.maptiles.MapGeography;
import nl.veiligheidskaart.service.maptiles.MapLayerFilter;
import nl.veiligheidskaart.service.maptiles.MapLayerId;
import nl.veiligheidskaart.service.maptiles.RasterTileService;
import nl.veiligheidskaart.service.maptiles.VectorLayers;
import nl.veiligheidskaart.service.maptiles.VectorLayers.VectorLayer;
import nl.veiligheidskaart.service.maptiles.VectorTileService;
import nl.veiligheidskaart.tiles.geo.MatrixTile;
import nl.veiligheidskaart.tiles.geo.TileMatrixSet;
import org.locationtech.jts.geom.Envelope;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * OGC API - Tiles for the map layers: the vector (MVT) and map (PNG) tiles of {@code /api/v1/tiles},
 * drawn by the same services under the same disclosure policy, in the tile matrix sets
 * WebMercatorQuad and NetherlandsRDNewQuad (RD New, as PDOK tiles it).
 *
 * <ul>
 * <li>{@code /ogc/collections/{id}/tiles} (vector) and {@code /ogc/collections/{id}/map/tiles} (PNG)
 *     for the feature collections that are map layers;
 * <li>{@code /ogc/tiles}: the tilesets of every map layer the reader may see (also the heatmap and
 *     the hotspots, which are no feature collections), under {@code /ogc/layers/{layer}/tiles} and
 *     {@code /ogc/layers/{layer}/map/tiles};
 * <li>{@code /ogc/tileMatrixSets}: the two tile matrix sets' definitions.
 * </ul>
 *
 * Tiles take the filters of {@code /api/v1/tiles} ({@code category}, {@code from}, {@code to},
 * {@code measure}); a tileset's tile templates carry those it was asked with.
 */
@RestController
@RequestMapping("/ogc")
class OgcTilesController {

  static final List<String> CONFORMANCE = List.of(
      "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core",
      "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tileset",
      "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tilesets-list",
      "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/geodata-tilesets",
      "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt",
      "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/png",
      "http://www.opengis.net/spec/tms/2.0/conf/tilematrixset",
      "http://www.opengis.net/spec/tms/2.0/conf/json-tilematrixset");
  static final String TILING_SCHEMES = "http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes";
  static final String TILESETS_VECTOR = "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector";
  static final String TILESETS_MAP = "http://www.opengis.net/def/rel/ogc/1.0/tilesets-map";
  private static final String TILING_SCHEME = "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme";
  private static final String JSON = "application/json";

  /** Vector tiles (MVT) or map tiles (PNG): OGC's {@code dataType} and where each lives under a base path. */
  private enum Kind {
    VECTOR("vector", "/tiles/", TileController.MVT), MAP("map", "/map/tiles/", MediaType.IMAGE_PNG);

    final String dataType;
    final String path;
    final MediaType mediaType;

    Kind(String dataType, String path, MediaType mediaType) {
      this.dataType = dataType;
      this.path = path;
      this.mediaType = mediaType;
    }

    boolean of(MapLayerId layer) {
      return this == VECTOR ? layer.vector() : layer.raster();
    }
  }

  /** The tiles of a layer as one client asks for them: the layer, under which path, with which filters. */
  private record Source(MapLayerId layer, String base, MapLayerFilter filter, String measure, String query) {
  }

  private final VectorTileService vectorTiles;
  private final RasterTileService rasterTiles;
  private final FeatureCollections collections;
  private final MapGeography geography;
  private final IncidentCategories categories;

  OgcTilesController(VectorTileService vectorTiles, RasterTileService rasterTiles, FeatureCollections collections,
      MapGeography geography, IncidentCategories categories) {
    this.vectorTiles = vectorTiles;
    this.rasterTiles = rasterTiles;
    this.collections = collections;
    this.geography = geography;
    this.categories = categories;
  }

  /** Whether a feature collection has tiles: it is a map layer. */
  static boolean hasTiles(String collectionId) {
    return MapLayerId.of(collectionId).isPresent();
  }

  @GetMapping("/tileMatrixSets")
  Map<String, Object> tileMatrixSets() {
    return Map.of("tileMatrixSets", Arrays.stream(TileMatrixSet.values()).map(set -> {
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("id", set.id());
      summary.put("title", set.title());
      summary.put("uri", set.uri());
      summary.put("crs", set.crs().uri());
      summary.put("links", List.of(link(url("/ogc/tileMatrixSets/" + set.id()), TILING_SCHEME, JSON, set.id())));
      return summary;
    }).toList(), "links", List.of(link(url("/ogc/tileMatrixSets"), "self", JSON, "The tile matrix sets")));
  }

  /**
   * A tile matrix set as TMS 2.0 defines it, with the members of TMS 1.0 beside them: GDAL before 3.8
   * reads only those ({@code identifier}, {@code supportedCRS}, {@code tileMatrix},
   * {@code topLeftCorner}), later versions and other clients the 2.0 ones.
   */
  @GetMapping("/tileMatrixSets/{tileMatrixSetId}")
  Map<String, Object> tileMatrixSet(@PathVariable String tileMatrixSetId) {
    TileMatrixSet set = tileMatrixSet(tileMatrixSetId, "tileMatrixSetId");
    List<Map<String, Object>> matrices = new ArrayList<>();
    List<Map<String, Object>> matricesOfVersion1 = new ArrayList<>();
    for (int level = 0; level <= set.maxLevel(); level++) {
      Map<String, Object> matrix = new LinkedHashMap<>();
      matrix.put("id", Integer.toString(level));
      matrix.put("scaleDenominator", set.scaleDenominator(level));
      matrix.put("cellSize", set.cellSize(level));
      matrix.put("cornerOfOrigin", "topLeft");
      matrix.put("pointOfOrigin", List.of(set.originX(), set.originY()));
      matrix.put("tileWidth", TileMatrixSet.TILE_SIZE);
      matrix.put("tileHeight", TileMatrixSet.TILE_SIZE);
      matrix.put("matrixWidth", set.matrixSize(level));
      matrix.put("matrixHeight", set.matrixSize(level));
      matrices.add(matrix);
      Map<String, Object> version1 = new LinkedHashMap<>();
      version1.put("type", "TileMatrixType");
      version1.put("identifier", Integer.toString(level));
      version1.put("scaleDenominator", set.scaleDenominator(level));
      version1.put("topLeftCorner", List.of(set.originX(), set.originY()));
      version1.put("tileWidth", TileMatrixSet.TILE_SIZE);
      version1.put("tileHeight", TileMatrixSet.TILE_SIZE);
      version1.put("matrixWidth", set.matrixSize(level));
      version1.put("matrixHeight", set.matrixSize(level));
      matricesOfVersion1.add(version1);
    }
    Map<String, Object> definition = new LinkedHashMap<>();
    definition.put("id", set.id());
    definition.put("title", set.title());
    definition.put("uri", set.uri());
    definition.put("crs", set.crs().uri());
    definition.put("orderedAxes", List.of("X", "Y"));
    definition.put("wellKnownScaleSet", set.wellKnownScaleSet());
    definition.put("tileMatrices", matrices);
    definition.put("type", "TileMatrixSetType");
    definition.put("identifier", set.id());
    definition.put("supportedCRS", set.crs().uri());
    definition.put("tileMatrix", matricesOfVersion1);
    definition.put("links", List.of(link(url("/ogc/tileMatrixSets/" + set.id()), "self", JSON, set.id())));
    return definition;
  }

  /** Every map layer's tilesets that the reader may see. */
  @GetMapping("/tiles")
  Map<String, Object> tilesets(DisclosurePolicy policy) {
    List<Map<String, Object>> tilesets = new ArrayList<>();
    for (MapLayerId layer : MapLayerId.values()) {
      if (!layer.analystsOnly() || policy.exact()) {
        for (Kind kind : Kind.values()) {
          if (kind.of(layer)) {
            Source source = new Source(layer, "/ogc/layers/" + layer.id(), MapLayerFilter.all(), null, "");
            Arrays.stream(TileMatrixSet.values()).forEach(set -> tilesets.add(tilesetSummary(source, kind, set)));
          }
        }
      }
    }
    return Map.of("links", List.of(link(url("/ogc/tiles"), "self", JSON, "The tilesets of the map layers")),
        "tilesets", tilesets);
  }

  /**
   * A map layer as a collection-like document (the heatmap and the hotspots are no feature
   * collections): its extent in CRS84 and the links to its tilesets, which is what GDAL's OGCAPI
   * driver opens. {@code dataType} ({@code vector} or {@code map}) keeps only the links to tilesets
   * of that type: GDAL before 3.8 opens nothing where a resource links to both.
   */
  @GetMapping("/layers/{layer}")
  Map<String, Object> layer(@PathVariable String layer, @RequestParam(required = false) String dataType,
      DisclosurePolicy policy) {
    Source source = layerSource(layer, policy);
    List<Kind> kinds = Arrays.stream(Kind.values()).filter(kind -> kind.of(source.layer())
        && (dataType == null || kind.dataType.equals(dataType))).toList();
    if (dataType != null && kinds.isEmpty()) {
      throw new InvalidParameterException("dataType", "the layer '" + layer + "' has tilesets of data type "
          + String.join(" or ", Arrays.stream(Kind.values()).filter(kind -> kind.of(source.layer()))
              .map(kind -> kind.dataType).toList()) + ", not '" + dataType + "'");
    }
    Envelope extent = collections.extentCrs84();
    List<Map<String, String>> links = new ArrayList<>();
    links.add(link(url(source.base()), "self", JSON, source.layer().title()));
    for (Kind kind : kinds) {
      links.add(link(url(source.base() + kind.path.substring(0, kind.path.length() - 1)),
          kind == Kind.VECTOR ? TILESETS_VECTOR : TILESETS_MAP, JSON, kind == Kind.VECTOR ? "Vector tiles (MVT)"
              : "Map tiles (PNG)"));
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("id", source.layer().id());
    document.put("title", source.layer().title());
    document.put("extent", Map.of("spatial", Map.of("bbox", List.of(List.of(extent.getMinX(), extent.getMinY(),
        extent.getMaxX(), extent.getMaxY())), "crs", "http://www.opengis.net/def/crs/OGC/1.3/CRS84")));
    document.put("links", links);
    return document;
  }

  @GetMapping("/collections/{collectionId}/tiles")
  Map<String, Object> collectionVectorTilesets(@PathVariable String collectionId, DisclosurePolicy policy) {
    return tilesetList(collectionSource(collectionId, policy), Kind.VECTOR);
  }

  @GetMapping("/collections/{collectionId}/map/tiles")
  Map<String, Object> collectionMapTilesets(@PathVariable String collectionId, DisclosurePolicy policy) {
    return tilesetList(collectionSource(collectionId, policy), Kind.MAP);
  }

  @GetMapping("/layers/{layer}/tiles")
  Map<String, Object> layerVectorTilesets(@PathVariable String layer, DisclosurePolicy policy) {
    return tilesetList(layerSource(layer, policy), Kind.VECTOR);
  }

  @GetMapping("/layers/{layer}/map/tiles")
  Map<String, Object> layerMapTilesets(@PathVariable String layer, DisclosurePolicy policy) {
    return tilesetList(layerSource(layer, policy), Kind.MAP);
  }

  @GetMapping("/collections/{collectionId}/tiles/{tileMatrixSetId}")
  Map<String, Object> collectionVectorTileset(@PathVariable String collectionId, @PathVariable String tileMatrixSetId,
      @RequestParam(required = false) List<String> category, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String measure,
      DisclosurePolicy policy) {
    return tileset(collectionSource(collectionId, policy, category, from, to, measure), Kind.VECTOR,
        tileMatrixSet(tileMatrixSetId, "tileMatrixSetId"), policy);
  }

  @GetMapping("/collections/{collectionId}/map/tiles/{tileMatrixSetId}")
  Map<String, Object> collectionMapTileset(@PathVariable String collectionId, @PathVariable String tileMatrixSetId,
      @RequestParam(required = false) List<String> category, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String measure,
      DisclosurePolicy policy) {
    return tileset(collectionSource(collectionId, policy, category, from, to, measure), Kind.MAP,
        tileMatrixSet(tileMatrixSetId, "tileMatrixSetId"), policy);
  }

  @GetMapping("/layers/{layer}/tiles/{tileMatrixSetId}")
  Map<String, Object> layerVectorTileset(@PathVariable String layer, @PathVariable String tileMatrixSetId,
      @RequestParam(required = false) List<String> category, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String measure,
      DisclosurePolicy policy) {
    return tileset(layerSource(layer, policy, category, from, to, measure), Kind.VECTOR,
        tileMatrixSet(tileMatrixSetId, "tileMatrixSetId"), policy);
  }

  @GetMapping("/layers/{layer}/map/tiles/{tileMatrixSetId}")
  Map<String, Object> layerMapTileset(@PathVariable String layer, @PathVariable String tileMatrixSetId,
      @RequestParam(required = false) List<String> category, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String measure,
      DisclosurePolicy policy) {
    return tileset(layerSource(layer, policy, category, from, to, measure), Kind.MAP,
        tileMatrixSet(tileMatrixSetId, "tileMatrixSetId"), policy);
  }

  @GetMapping(path = "/collections/{collectionId}/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}")
  ResponseEntity<byte[]> collectionVectorTile(@PathVariable String collectionId, @PathVariable String tileMatrixSetId,
      @PathVariable String tileMatrix, @PathVariable String tileRow, @PathVariable String tileCol,
      @RequestParam(required = false) List<String> category, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String measure,
      @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch,
      @RequestHeader(name = "Accept-Encoding", required = false) String acceptEncoding, DisclosurePolicy policy) {
    return vectorTile(collectionSource(collectionId, policy, category, from, to, measure),
        tile(tileMatrixSetId, tileMatrix, tileRow, tileCol), policy, ifNoneMatch, acceptEncoding);
  }

  @GetMapping(path = "/collections/{collectionId}/map/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}")
  ResponseEntity<byte[]> collectionMapTile(@PathVariable String collectionId, @PathVariable String tileMatrixSetId,
      @PathVariable String tileMatrix, @PathVariable String tileRow, @PathVariable String tileCol,
      @RequestParam(required = false) List<String> category, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String measure,
      @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch, DisclosurePolicy policy) {
    return mapTile(collectionSource(collectionId, policy, category, from, to, measure),
        tile(tileMatrixSetId, tileMatrix, tileRow, tileCol), policy, ifNoneMatch);
  }

  @GetMapping(path = "/layers/{layer}/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}")
  ResponseEntity<byte[]> layerVectorTile(@PathVariable String layer, @PathVariable String tileMatrixSetId,
      @PathVariable String tileMatrix, @PathVariable String tileRow, @PathVariable String tileCol,
      @RequestParam(required = false) List<String> category, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String measure,
      @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch,
      @RequestHeader(name = "Accept-Encoding", required = false) String acceptEncoding, DisclosurePolicy policy) {
    return vectorTile(layerSource(layer, policy, category, from, to, measure),
        tile(tileMatrixSetId, tileMatrix, tileRow, tileCol), policy, ifNoneMatch, acceptEncoding);
  }

  @GetMapping(path = "/layers/{layer}/map/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}")
  ResponseEntity<byte[]> layerMapTile(@PathVariable String layer, @PathVariable String tileMatrixSetId,
      @PathVariable String tileMatrix, @PathVariable String tileRow, @PathVariable String tileCol,
      @RequestParam(required = false) List<String> category, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String measure,
      @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch, DisclosurePolicy policy) {
    return mapTile(layerSource(layer, policy, category, from, to, measure),
        tile(tileMatrixSetId, tileMatrix, tileRow, tileCol), policy, ifNoneMatch);
  }

  private ResponseEntity<byte[]> vectorTile(Source source, MatrixTile tile, DisclosurePolicy policy,
      String ifNoneMatch, String acceptEncoding) {
    requireKind(source.layer(), Kind.VECTOR);
    return TileController.respond(vectorTiles.tile(source.layer(), tile, source.filter(),
        TileController.measure(source.measure()), policy), Kind.VECTOR.mediaType, ifNoneMatch, acceptEncoding);
  }

  private ResponseEntity<byte[]> mapTile(Source source, MatrixTile tile, DisclosurePolicy policy,
      String ifNoneMatch) {
    return TileController.respond(rasterTiles.tile(source.layer(), tile, 1, source.filter(),
        TileController.measure(source.measure()), policy), Kind.MAP.mediaType, ifNoneMatch, null);
  }

  private Source collectionSource(String collectionId, DisclosurePolicy policy) {
    return collectionSource(collectionId, policy, null, null, null, null);
  }

  /** A feature collection's tiles: the collection must be the reader's to see, and a map layer. */
  private Source collectionSource(String collectionId, DisclosurePolicy policy, List<String> category, String from,
      String to, String measure) {
    collections.describe(collectionId, policy);
    MapLayerId layer = MapLayerId.of(collectionId).orElseThrow(() -> new NotFoundException("The collection '"
        + collectionId + "' has no tiles; these have: " + String.join(", ", Arrays.stream(MapLayerId.values())
            .map(MapLayerId::id).filter(id -> !id.equals("heatmap") && !id.equals("hotspots")).toList())));
    return source(layer, "/ogc/collections/" + collectionId, policy, category, from, to, measure);
  }

  private Source layerSource(String layer, DisclosurePolicy policy) {
    return layerSource(layer, policy, null, null, null, null);
  }

  private Source layerSource(String layer, DisclosurePolicy policy, List<String> category, String from, String to,
      String measure) {
    return source(TileController.layer(layer), "/ogc/layers/" + layer, policy, category, from, to, measure);
  }

  /** Checks the layer and the filters as {@code /api/v1/tiles} does, and keeps the filters for the tile templates. */
  private Source source(MapLayerId layer, String base, DisclosurePolicy policy, List<String> category, String from,
      String to, String measure) {
    layer.requireVisibleTo(policy);
    MapLayerFilter filter = TileController.filter(categories, category, from, to, policy);
    TileController.measure(measure);
    UriComponentsBuilder query = UriComponentsBuilder.newInstance();
    if (category != null) {
      category.forEach(c -> query.queryParam("category", c));
    }
    for (String[] parameter : new String[][] {{"from", from}, {"to", to}, {"measure", measure}}) {
      if (parameter[1] != null) {
        query.queryParam(parameter[0], parameter[1]);
      }
    }
    return new Source(layer, base, filter, measure, query.encode().build().getQuery());
  }

  private Map<String, Object> tilesetList(Source source, Kind kind) {
    requireKind(source.layer(), kind);
    return Map.of("links", List.of(link(url(source.base() + kind.path.substring(0, kind.path.length() - 1)), "self",
        JSON, source.layer().title() + ": " + kind.dataType + " tilesets")),
        "tilesets", Arrays.stream(TileMatrixSet.values()).map(set -> tilesetSummary(source, kind, set)).toList());
  }

  private static Map<String, Object> tilesetSummary(Source source, Kind kind, TileMatrixSet set) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("title", source.layer().title() + " (" + set.id() + ")");
    summary.put("dataType", kind.dataType);
    summary.put("crs", set.crs().uri());
    summary.put("tileMatrixSetURI", set.uri());
    summary.put("links", List.of(
        link(url(source.base() + kind.path + set.id()), "self", JSON, "The tileset"),
        link(url("/ogc/tileMatrixSets/" + set.id()), TILING_SCHEME, JSON, set.id())));
    return summary;
  }

  /** A tileset: its tile template, tiling scheme, the tiles that hold data, and for MVT its layers and fields. */
  private Map<String, Object> tileset(Source source, Kind kind, TileMatrixSet set, DisclosurePolicy policy) {
    requireKind(source.layer(), kind);
    String query = source.query() == null ? "" : "?" + source.query();
    Envelope area = new Envelope();
    geography.municipalities().forEach(m -> area.expandToInclude(m.outline(set.crs()).getEnvelopeInternal()));
    Map<String, Object> tileset = new LinkedHashMap<>();
    tileset.put("title", source.layer().title() + " (" + set.id() + ")");
    tileset.put("dataType", kind.dataType);
    tileset.put("crs", set.crs().uri());
    tileset.put("tileMatrixSetURI", set.uri());
    String template = url(source.base() + kind.path + set.id()) + "/{tileMatrix}/{tileRow}/{tileCol}" + query;
    Map<String, Object> item = new LinkedHashMap<>(link(template, "item", kind.mediaType.toString(), "A tile"));
    item.put("templated", true);
    tileset.put("links", List.of(
        link(url(source.base() + kind.path + set.id()) + query, "self", JSON, "This tileset"),
        link(url("/ogc/tileMatrixSets/" + set.id()), TILING_SCHEME, JSON, set.id()),
        item));
    // Every tile of every level: GDAL before 3.8 asks for the wrong tiles when the limits start at
    // another row or column than 0. Where the data lies is said by boundingBox.
    // Every tile of every level: GDAL before 3.8 asks for the wrong tiles when the limits start at
    // another row or column than 0. Where the data lies is said by boundingBox.
    tileset.put("tileMatrixSetLimits", IntStream.rangeClosed(0, set.maxLevel()).mapToObj(level -> Map.of(
        "tileMatrix", Integer.toString(level), "minTileRow", 0, "maxTileRow", set.matrixSize(level) - 1,
        "minTileCol", 0, "maxTileCol", set.matrixSize(level) - 1)).toList());
    tileset.put("boundingBox", Map.of("lowerLeft", List.of(area.getMinX(), area.getMinY()),
        "upperRight", List.of(area.getMaxX(), area.getMaxY()), "crs", set.crs().uri()));
    if (kind == Kind.VECTOR) {
      tileset.put("layers", VectorLayers.of(source.layer(), policy, set).stream().map(OgcTilesController::layer)
          .toList());
    }
    return tileset;
  }

  /** An MVT layer as OGC tileset metadata describes it, with its fields as a JSON schema. */
  private static Map<String, Object> layer(VectorLayer layer) {
    Map<String, Object> properties = new LinkedHashMap<>();
    layer.fields().forEach((name, description) -> {
      String type = description.substring(0, Math.max(0, description.indexOf(':'))).toLowerCase(Locale.ROOT);
      properties.put(name, Map.of("type", type.isEmpty() ? description.toLowerCase(Locale.ROOT) : type,
          "description", description));
    });
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", layer.id());
    json.put("description", layer.description());
    json.put("dataType", "vector");
    json.put("minTileMatrix", Integer.toString(layer.minzoom()));
    json.put("maxTileMatrix", Integer.toString(layer.maxzoom()));
    json.put("propertiesSchema", Map.of("type", "object", "properties", properties));
    return json;
  }

  private static void requireKind(MapLayerId layer, Kind kind) {
    if (!kind.of(layer)) {
      throw new NotFoundException("The layer '" + layer.id() + "' has no " + kind.dataType + " tiles");
    }
  }

  private static TileMatrixSet tileMatrixSet(String id, String parameter) {
    return Arrays.stream(TileMatrixSet.values()).filter(set -> set.id().equals(id)).findFirst()
        .orElseThrow(() -> new NotFoundException("No tile matrix set '" + id + "' (" + parameter + "); there are "
            + String.join(", ", Arrays.stream(TileMatrixSet.values()).map(TileMatrixSet::id).toList())));
  }

  /**
   * A tile's address as given in the path: an unknown set is 404, a level, row or column that is no
   * whole number or lies outside the set is 400 naming that parameter.
   */
  private static MatrixTile tile(String tileMatrixSetId, String tileMatrix, String tileRow, String tileCol) {
    TileMatrixSet set = tileMatrixSet(tileMatrixSetId, "tileMatrixSetId");
    try {
      return new MatrixTile(set, whole("tileMatrix", tileMatrix), whole("tileRow", tileRow),
          whole("tileCol", tileCol));
    } catch (MatrixTile.OutOfRangeException e) {
      throw new InvalidParameterException(e.part().parameter(), e.getMessage());
    }
  }

  private static int whole(String parameter, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new InvalidParameterException(parameter, parameter + " must be a whole number, not '" + value + "'");
    }
  }

  private static String url(String path) {
    return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).toUriString();
  }

  private static Map<String, String> link(String href, String rel, String type, String title) {
    Map<String, String> link = new LinkedHashMap<>();
    link.put("href", href);
    link.put("rel", rel);
    link.put("type", type);
    link.put("title", title);
    return link;
  }
}
