package nl.veiligheidskaart.service.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import nl.veiligheidskaart.service.maptiles.MapLayerDefinition;
import nl.veiligheidskaart.service.maptiles.VectorLayer;
import nl.veiligheidskaart.tiles.geo.TileMatrixSet;
import org.locationtech.jts.geom.Envelope;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The JSON documents of OGC API - Tiles (OGC 20-057) and of the Two Dimensional Tile Matrix Set
 * standard (OGC 17-083r4) for the map layers: tile matrix sets, tileset lists, tilesets and the
 * collection-like layer documents. Paths are relative to this application; links are absolute.
 */
final class OgcTileDocuments {

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
  private static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
  private static final String JSON = "application/json";

  /** Vector tiles (MVT) or map tiles (PNG): OGC's {@code dataType}, where each lives under a base path, its type. */
  enum Kind {
    VECTOR("vector", "/tiles", TileResponses.MVT, TILESETS_VECTOR),
    MAP("map", "/map/tiles", MediaType.IMAGE_PNG, TILESETS_MAP);

    final String dataType;
    final String path;
    final MediaType mediaType;
    final String tilesetsRelation;

    Kind(String dataType, String path, MediaType mediaType, String tilesetsRelation) {
      this.dataType = dataType;
      this.path = path;
      this.mediaType = mediaType;
      this.tilesetsRelation = tilesetsRelation;
    }

    /** Every layer draws map tiles; vector tiles where it has them. */
    boolean of(MapLayerDefinition layer) {
      return this == MAP || layer.hasVectorTiles();
    }
  }

  private OgcTileDocuments() {
  }

  static Map<String, Object> tileMatrixSets() {
    return Map.of("tileMatrixSets", Arrays.stream(TileMatrixSet.values()).map(set -> {
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("id", set.id());
      summary.put("title", set.title());
      summary.put("uri", set.uri());
      summary.put("crs", set.crs().uri());
      summary.put("links", List.of(link("/ogc/tileMatrixSets/" + set.id(), TILING_SCHEME, JSON, set.id())));
      return summary;
    }).toList(), "links", List.of(link("/ogc/tileMatrixSets", "self", JSON, "The tile matrix sets")));
  }

  /**
   * A tile matrix set as TMS 2.0 defines it, with the members of TMS 1.0 beside them: GDAL before 3.8
   * reads only those ({@code identifier}, {@code supportedCRS}, {@code tileMatrix},
   * {@code topLeftCorner}), later versions and other clients the 2.0 ones.
   */
  static Map<String, Object> tileMatrixSet(TileMatrixSet set) {
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
    definition.put("links", List.of(link("/ogc/tileMatrixSets/" + set.id(), "self", JSON, set.id())));
    return definition;
  }

  /** A list of tilesets, found at {@code self}. */
  static Map<String, Object> tilesetList(String self, String title, List<Map<String, Object>> tilesets) {
    return Map.of("links", List.of(link(self, "self", JSON, title)), "tilesets", tilesets);
  }

  /** A tileset as a list names it: its tile matrix set and data type, and where it is. */
  static Map<String, Object> tilesetSummary(MapLayerDefinition layer, String base, Kind kind, TileMatrixSet set) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("title", layer.title() + " (" + set.id() + ")");
    summary.put("dataType", kind.dataType);
    summary.put("crs", set.crs().uri());
    summary.put("tileMatrixSetURI", set.uri());
    summary.put("links", List.of(
        link(base + kind.path + "/" + set.id(), "self", JSON, "The tileset"),
        link("/ogc/tileMatrixSets/" + set.id(), TILING_SCHEME, JSON, set.id())));
    return summary;
  }

  /**
   * A tileset: its tile template (with the query the tileset was asked with), its tiling scheme,
   * the box of the data in the set's CRS, and for MVT the layers with their fields.
   *
   * @param query the filters for the tile template, encoded, or null
   * @param layers the MVT layers (empty for map tiles)
   */
  static Map<String, Object> tileset(MapLayerDefinition layer, String base, String query, Kind kind, TileMatrixSet set,
      Envelope area, List<VectorLayer> layers) {
    String asked = query == null ? "" : "?" + query;
    String self = base + kind.path + "/" + set.id();
    Map<String, Object> item = new LinkedHashMap<>(link(self + "/{tileMatrix}/{tileRow}/{tileCol}" + asked, "item",
        kind.mediaType.toString(), "A tile"));
    item.put("templated", true);
    Map<String, Object> tileset = new LinkedHashMap<>();
    tileset.put("title", layer.title() + " (" + set.id() + ")");
    tileset.put("dataType", kind.dataType);
    tileset.put("crs", set.crs().uri());
    tileset.put("tileMatrixSetURI", set.uri());
    tileset.put("links", List.of(link(self + asked, "self", JSON, "This tileset"),
        link("/ogc/tileMatrixSets/" + set.id(), TILING_SCHEME, JSON, set.id()), item));
    // Every tile of every level: GDAL before 3.8 asks for the wrong tiles when the limits start at
    // another row or column than 0. Where the data lies is said by boundingBox.
    tileset.put("tileMatrixSetLimits", IntStream.rangeClosed(0, set.maxLevel()).mapToObj(level -> Map.of(
        "tileMatrix", Integer.toString(level), "minTileRow", 0, "maxTileRow", set.matrixSize(level) - 1,
        "minTileCol", 0, "maxTileCol", set.matrixSize(level) - 1)).toList());
    tileset.put("boundingBox", Map.of("lowerLeft", List.of(area.getMinX(), area.getMinY()),
        "upperRight", List.of(area.getMaxX(), area.getMaxY()), "crs", set.crs().uri()));
    if (kind == Kind.VECTOR) {
      tileset.put("layers", layers.stream().map(OgcTileDocuments::vectorLayer).toList());
    }
    return tileset;
  }

  /** A map layer as a collection-like document: its CRS84 extent and links to its tilesets of the given kinds. */
  static Map<String, Object> layer(MapLayerDefinition layer, String base, List<Kind> kinds, Envelope extentCrs84) {
    List<Map<String, String>> links = new ArrayList<>();
    links.add(link(base, "self", JSON, layer.title()));
    kinds.forEach(kind -> links.add(link(base + kind.path, kind.tilesetsRelation, JSON, layer.title() + ": "
        + kind.dataType + " tiles")));
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("id", layer.id());
    document.put("title", layer.title());
    document.put("extent", Map.of("spatial", Map.of("bbox", List.of(List.of(extentCrs84.getMinX(),
        extentCrs84.getMinY(), extentCrs84.getMaxX(), extentCrs84.getMaxY())), "crs", CRS84)));
    document.put("links", links);
    return document;
  }

  /** An MVT layer as OGC tileset metadata describes it, with its fields as a JSON schema. */
  private static Map<String, Object> vectorLayer(VectorLayer layer) {
    Map<String, Object> properties = new LinkedHashMap<>();
    layer.fields().forEach((name, description) -> {
      // the descriptions begin with the type, as TileJSON's vector_layers give it: "Number: ..."
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

  /** A link to a path of this application. */
  static Map<String, String> link(String path, String rel, String type, String title) {
    Map<String, String> link = new LinkedHashMap<>();
    link.put("href", ServletUriComponentsBuilder.fromCurrentContextPath().path(path).build().toUriString());
    link.put("rel", rel);
    link.put("type", type);
    link.put("title", title);
    return link;
  }
}
