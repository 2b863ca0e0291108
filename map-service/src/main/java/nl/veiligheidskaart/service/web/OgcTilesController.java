package nl.veiligheidskaart.service.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.api.NotFoundException;
import nl.veiligheidskaart.service.config.IncidentCategories;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.service.features.FeatureCollections.Description;
import nl.veiligheidskaart.service.features.FeatureCollections;
import nl.veiligheidskaart.service.maptiles.MapGeography;
import nl.veiligheidskaart.service.maptiles.MapLayerCatalogue;
import nl.veiligheidskaart.service.maptiles.MapLayerDefinition;
import nl.veiligheidskaart.service.maptiles.MapLayerRequest;
import nl.veiligheidskaart.service.maptiles.RasterTileService;
import nl.veiligheidskaart.service.maptiles.VectorTileService;
import nl.veiligheidskaart.service.web.OgcTileDocuments.Kind;
import nl.veiligheidskaart.tiles.geo.MatrixTile;
import nl.veiligheidskaart.tiles.geo.TileMatrixSet;
import org.locationtech.jts.geom.Envelope;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

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
 * {@code measure}); a tileset's tile templates carry those it was asked with. This class checks the
 * request and delegates: tiles to the tile services, documents to {@link OgcTileDocuments}.
 */
@RestController
@RequestMapping("/ogc")
class OgcTilesController {

  /** The documents that list tilesets carry no filters. */
  private static final MapLayerQuery NO_QUERY = new MapLayerQuery(null, null, null, null);

  /** The tiles of a layer as one client asks for them: the layer, under which path, with which filters. */
  private record Source(MapLayerDefinition layer, String base, MapLayerRequest request, String query) {
  }

  private final VectorTileService vectorTiles;
  private final RasterTileService rasterTiles;
  private final MapLayerCatalogue catalogue;
  private final FeatureCollections collections;
  private final MapGeography geography;
  private final IncidentCategories categories;

  OgcTilesController(VectorTileService vectorTiles, RasterTileService rasterTiles, MapLayerCatalogue catalogue,
      FeatureCollections collections, MapGeography geography, IncidentCategories categories) {
    this.vectorTiles = vectorTiles;
    this.rasterTiles = rasterTiles;
    this.catalogue = catalogue;
    this.collections = collections;
    this.geography = geography;
    this.categories = categories;
  }

  @GetMapping("/tileMatrixSets")
  Map<String, Object> tileMatrixSets() {
    return OgcTileDocuments.tileMatrixSets();
  }

  @GetMapping("/tileMatrixSets/{tileMatrixSetId}")
  Map<String, Object> tileMatrixSet(@PathVariable String tileMatrixSetId) {
    return OgcTileDocuments.tileMatrixSet(findTileMatrixSet(tileMatrixSetId));
  }

  /** Every map layer's tilesets that the reader may see. */
  @GetMapping("/tiles")
  Map<String, Object> tilesets(DisclosurePolicy policy) {
    List<Map<String, Object>> tilesets = new ArrayList<>();
    for (MapLayerDefinition layer : catalogue.visibleTo(policy)) {
      for (Kind kind : Kind.values()) {
        if (kind.of(layer)) {
          Arrays.stream(TileMatrixSet.values()).forEach(set -> tilesets.add(OgcTileDocuments.tilesetSummary(layer,
              "/ogc/layers/" + layer.id(), kind, set)));
        }
      }
    }
    return OgcTileDocuments.tilesetList("/ogc/tiles", "The tilesets of the map layers", tilesets);
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
    Source source = source("layers", layer, policy, NO_QUERY);
    List<Kind> kinds = Arrays.stream(Kind.values()).filter(kind -> kind.of(source.layer())).toList();
    List<Kind> asked = kinds.stream().filter(kind -> dataType == null || kind.dataType.equals(dataType)).toList();
    if (asked.isEmpty()) {
      throw new InvalidParameterException("dataType", "the layer '" + layer + "' has tilesets of data type "
          + String.join(" or ", kinds.stream().map(kind -> kind.dataType).toList()) + ", not '" + dataType + "'");
    }
    return OgcTileDocuments.layer(source.layer(), source.base(), asked, collections.extentCrs84());
  }

  /** The tilesets of one collection's or layer's tiles of one kind: vector tiles under {@code tiles}, PNG under {@code map/tiles}. */
  @GetMapping("/{parent:collections|layers}/{id}/tiles")
  Map<String, Object> vectorTilesets(@PathVariable String parent, @PathVariable String id, DisclosurePolicy policy) {
    return tilesetList(source(parent, id, policy, NO_QUERY), Kind.VECTOR);
  }

  @GetMapping("/{parent:collections|layers}/{id}/map/tiles")
  Map<String, Object> mapTilesets(@PathVariable String parent, @PathVariable String id, DisclosurePolicy policy) {
    return tilesetList(source(parent, id, policy, NO_QUERY), Kind.MAP);
  }

  @GetMapping("/{parent:collections|layers}/{id}/tiles/{tileMatrixSetId}")
  Map<String, Object> vectorTileset(@PathVariable String parent, @PathVariable String id,
      @PathVariable String tileMatrixSetId, MapLayerQuery query, DisclosurePolicy policy) {
    return tileset(source(parent, id, policy, query), Kind.VECTOR, findTileMatrixSet(tileMatrixSetId));
  }

  @GetMapping("/{parent:collections|layers}/{id}/map/tiles/{tileMatrixSetId}")
  Map<String, Object> mapTileset(@PathVariable String parent, @PathVariable String id,
      @PathVariable String tileMatrixSetId, MapLayerQuery query, DisclosurePolicy policy) {
    return tileset(source(parent, id, policy, query), Kind.MAP, findTileMatrixSet(tileMatrixSetId));
  }

  @GetMapping(path = "/{parent:collections|layers}/{id}/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}")
  ResponseEntity<byte[]> vectorTile(@PathVariable String parent, @PathVariable String id,
      @PathVariable String tileMatrixSetId, @PathVariable String tileMatrix, @PathVariable String tileRow,
      @PathVariable String tileCol, MapLayerQuery query,
      @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch,
      @RequestHeader(name = "Accept-Encoding", required = false) String acceptEncoding, DisclosurePolicy policy) {
    Source source = source(parent, id, policy, query);
    requireKind(source.layer(), Kind.VECTOR);
    MatrixTile tile = tile(tileMatrixSetId, tileMatrix, tileRow, tileCol);
    return TileResponses.respond(vectorTiles.tile(source.layer(), tile, source.request()), Kind.VECTOR.mediaType,
        ifNoneMatch, acceptEncoding);
  }

  @GetMapping(path = "/{parent:collections|layers}/{id}/map/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}")
  ResponseEntity<byte[]> mapTile(@PathVariable String parent, @PathVariable String id,
      @PathVariable String tileMatrixSetId, @PathVariable String tileMatrix, @PathVariable String tileRow,
      @PathVariable String tileCol, MapLayerQuery query,
      @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch, DisclosurePolicy policy) {
    Source source = source(parent, id, policy, query);
    MatrixTile tile = tile(tileMatrixSetId, tileMatrix, tileRow, tileCol);
    return TileResponses.respond(rasterTiles.tile(source.layer(), tile, 1, source.request()), Kind.MAP.mediaType,
        ifNoneMatch, null);
  }

  /**
   * The layer behind {@code /ogc/collections/{id}} (a feature collection the reader may see that is
   * a map layer) or {@code /ogc/layers/{id}}, checked as {@code /api/v1/tiles} checks it, with the
   * filters kept for the tile templates.
   */
  private Source source(String parent, String id, DisclosurePolicy policy, MapLayerQuery query) {
    MapLayerDefinition layer = parent.equals("collections") ? collectionLayer(id, policy)
        : MapLayerParameters.layer(catalogue, id);
    layer.requireVisibleTo(policy);
    return new Source(layer, "/ogc/" + parent + "/" + id, query.request(categories, policy), query.queryString());
  }

  private MapLayerDefinition collectionLayer(String collectionId, DisclosurePolicy policy) {
    collections.describe(collectionId, policy);
    return catalogue.find(collectionId).orElseThrow(() -> new NotFoundException("The collection '"
        + collectionId + "' has no tiles; these have: " + String.join(", ", collections.visible(policy).stream()
            .map(Description::id).filter(id -> catalogue.find(id).isPresent()).toList())));
  }

  private Map<String, Object> tilesetList(Source source, Kind kind) {
    requireKind(source.layer(), kind);
    return OgcTileDocuments.tilesetList(source.base() + kind.path, source.layer().title() + ": " + kind.dataType
        + " tilesets", Arrays.stream(TileMatrixSet.values()).map(set -> OgcTileDocuments.tilesetSummary(
            source.layer(), source.base(), kind, set)).toList());
  }

  /** A tileset, with the box of the municipalities served in the set's CRS and the MVT layers this reader gets. */
  private Map<String, Object> tileset(Source source, Kind kind, TileMatrixSet set) {
    requireKind(source.layer(), kind);
    Envelope area = new Envelope();
    geography.municipalities().forEach(m -> area.expandToInclude(m.outline(set.crs()).getEnvelopeInternal()));
    return OgcTileDocuments.tileset(source.layer(), source.base(), source.query(), kind, set, area,
        source.layer().vectorLayers(source.request().policy(), set));
  }

  private static void requireKind(MapLayerDefinition layer, Kind kind) {
    if (!kind.of(layer)) {
      throw new NotFoundException("The layer '" + layer.id() + "' has no " + kind.dataType + " tiles");
    }
  }

  private static TileMatrixSet findTileMatrixSet(String id) {
    return Arrays.stream(TileMatrixSet.values()).filter(set -> set.id().equals(id)).findFirst()
        .orElseThrow(() -> new NotFoundException("No tile matrix set '" + id + "' (tileMatrixSetId); there are "
            + String.join(", ", Arrays.stream(TileMatrixSet.values()).map(TileMatrixSet::id).toList())));
  }

  /**
   * A tile's address as given in the path: an unknown set is 404, a level, row or column that is no
   * whole number or lies outside the set is 400 naming that parameter.
   */
  private static MatrixTile tile(String tileMatrixSetId, String tileMatrix, String tileRow, String tileCol) {
    TileMatrixSet set = findTileMatrixSet(tileMatrixSetId);
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

}
