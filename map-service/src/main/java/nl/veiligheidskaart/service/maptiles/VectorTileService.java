package nl.veiligheidskaart.service.maptiles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.service.api.Feature;
import nl.veiligheidskaart.service.api.FeatureCollection;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.service.incidents.CellRaster;
import nl.veiligheidskaart.service.incidents.IncidentQuery;
import nl.veiligheidskaart.service.incidents.IncidentReadModel;
import nl.veiligheidskaart.service.layers.RiskLocationLayers;
import nl.veiligheidskaart.service.maptiles.MunicipalityChoropleth.Choropleth;
import nl.veiligheidskaart.service.maptiles.MunicipalityChoropleth.MunicipalityValue;
import nl.veiligheidskaart.tiles.geo.MatrixTile;
import nl.veiligheidskaart.tiles.mvt.VectorTileEncoder.TileFeature;
import nl.veiligheidskaart.tiles.mvt.VectorTileEncoder.TileLayer;
import nl.veiligheidskaart.tiles.mvt.VectorTileEncoder;
import nl.veiligheidskaart.tiles.render.MapStyle;
import nl.veiligheidskaart.tiles.render.Viewport;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.springframework.stereotype.Service;

/**
 * Vector tiles (MVT) of the map layers in Web Mercator or RD New tiles, by the rules of the raster
 * tiles: single incidents only for analysts and only from zoom 14 or as fine a level (below that, and
 * for every other role, counts per 16 × 16-pixel cell with small counts left out), the choropleth's
 * figures per municipality, Gi* cells with their z, p and bin, and the risk locations for analysts.
 */
@Service
public class VectorTileService {

  private static final GeometryFactory GEOMETRIES = new GeometryFactory(new PrecisionModel());
  static final int CELLS_PER_SIDE = 256 / MapLayerComposer.CELL_PIXELS;

  private final MunicipalityChoropleth choropleth;
  private final HotspotLayer hotspots;
  private final IncidentReadModel incidents;
  private final RiskLocationLayers riskLocations;
  private final TileCache cache;

  VectorTileService(MunicipalityChoropleth choropleth, HotspotLayer hotspots, IncidentReadModel incidents,
      RiskLocationLayers riskLocations, TileCache cache) {
    this.choropleth = choropleth;
    this.hotspots = hotspots;
    this.incidents = incidents;
    this.riskLocations = riskLocations;
    this.cache = cache;
  }

  /**
   * @throws IllegalArgumentException for a layer without vector tiles (the heatmap)
   * @throws org.springframework.security.access.AccessDeniedException for a layer the reader may not see
   */
  public RenderedTile tile(MapLayerId layer, MatrixTile tile, MapLayerFilter filter, ChoroplethMeasure measure,
      DisclosurePolicy policy) {
    if (!layer.vector()) {
      throw new IllegalArgumentException("The layer '" + layer.id() + "' has no vector tiles");
    }
    layer.requireVisibleTo(policy);
    String style = layer == MapLayerId.MUNICIPALITIES ? measure.wireName() : "";
    return cache.get(new TileCache.Key(layer, "mvt", tile, filter, style, policy),
        () -> VectorTileEncoder.encode(tile.bounds(), List.of(content(layer, tile, filter, measure, policy))));
  }

  private TileLayer content(MapLayerId layer, MatrixTile tile, MapLayerFilter filter, ChoroplethMeasure measure,
      DisclosurePolicy policy) {
    Crs crs = tile.set().crs();
    return switch (layer) {
      case MUNICIPALITIES -> municipalities(crs, filter, measure, policy);
      case INCIDENTS -> policy.exact() && MapLayerComposer.showsRawPoints(Viewport.ofTile(tile, 1))
          ? incidentPoints(tile, filter) : incidentCells(tile, filter, policy);
      case HOTSPOTS -> hotspotCells(tile, filter);
      case HEMP_SITES -> fromCollection(VectorLayers.HEMP_SITES, riskLocations.hempSites(crs));
      case HOLIDAY_PARKS -> fromCollection(VectorLayers.HOLIDAY_PARKS, riskLocations.holidayParks(crs));
      case OMG_CLUBHOUSES -> fromCollection(VectorLayers.OMG_CLUBHOUSES, riskLocations.omgClubhouses(crs));
      case HEATMAP -> throw new IllegalStateException("no vector tiles of the heatmap");
    };
  }

  /** Outlines with the choropleth's figures; {@code class} is the legend entry (0 = first). */
  private TileLayer municipalities(Crs crs, MapLayerFilter filter, ChoroplethMeasure measure,
      DisclosurePolicy policy) {
    Choropleth map = choropleth.choropleth(filter, measure, policy);
    List<TileFeature> features = new ArrayList<>();
    for (MunicipalityValue value : map.municipalities()) {
      Map<String, Object> tags = new LinkedHashMap<>();
      tags.put("code", value.municipality().code());
      tags.put("name", value.municipality().name());
      tags.put("district", value.municipality().district());
      tags.put("state", value.state().name().toLowerCase(Locale.ROOT).replace('_', '-'));
      tags.put("count", value.count());
      tags.put("previousCount", value.previousCount());
      tags.put("value", value.value());
      if (value.value() != null) {
        tags.put("class", measure == ChoroplethMeasure.CHANGE ? MapStyle.changeClass(value.value())
            : MapStyle.sequentialClass(value.value(), map.breaks()));
      }
      features.add(new TileFeature(value.municipality().outline(crs), tags));
    }
    return new TileLayer("municipalities", features);
  }

  private TileLayer incidentPoints(MatrixTile tile, MapLayerFilter filter) {
    List<TileFeature> features = new ArrayList<>();
    IncidentQuery query = IncidentQuery.of(filter.categories(), filter.from(), filter.to());
    incidents.forEachInExtent(tile.set().crs(), withBuffer(tile), query, incident -> {
      Map<String, Object> tags = new LinkedHashMap<>();
      tags.put("sourceId", incident.sourceId());
      tags.put("category", incident.category());
      tags.put("occurredAt", incident.occurredAtText());
      tags.put("demo", incident.demo());
      features.add(new TileFeature(GEOMETRIES.createPoint(new Coordinate(incident.x(), incident.y())), tags));
    });
    return new TileLayer("incidents", features);
  }

  /** Counts per cell of a 16 × 16 raster over the tile, as the reader may see them (suppressed cells left out). */
  private TileLayer incidentCells(MatrixTile tile, MapLayerFilter filter, DisclosurePolicy policy) {
    Envelope bounds = tile.bounds();
    int[] counts = incidents.countCells(tile.set().crs(), bounds, IncidentQuery.of(filter.categories(), filter.from(),
        filter.to()).within(policy.visibleMunicipalities()), CELLS_PER_SIDE);
    List<TileFeature> features = new ArrayList<>();
    for (int cell = 0; cell < counts.length; cell++) {
      Long shown = counts[cell] == 0 ? null : policy.shown(counts[cell]);
      if (shown == null) {
        continue;
      }
      features.add(new TileFeature(GEOMETRIES.toGeometry(CellRaster.cellExtent(bounds, CELLS_PER_SIDE, cell)),
          Map.of("count", shown)));
    }
    return new TileLayer("incident-cells", features);
  }

  private TileLayer hotspotCells(MatrixTile tile, MapLayerFilter filter) {
    List<TileFeature> features = new ArrayList<>();
    for (HotspotLayer.HotspotCell cell : hotspots.cells(filter, tile.set().crs()).within(withBuffer(tile))) {
      Map<String, Object> tags = new LinkedHashMap<>();
      tags.put("cellId", cell.cellId());
      tags.put("count", cell.count());
      tags.put("giZ", cell.z());
      tags.put("giP", cell.p());
      tags.put("giBin", cell.bin());
      features.add(new TileFeature(cell.outline(), tags));
    }
    return new TileLayer("hotspots", features);
  }

  /** The tile with the encoder's buffer around it, and half a unit for rounding: what may show at the edge. */
  private static Envelope withBuffer(MatrixTile tile) {
    Envelope withBuffer = new Envelope(tile.bounds());
    withBuffer.expandBy(tile.bounds().getWidth() * (VectorTileEncoder.BUFFER + 0.5) / VectorTileEncoder.EXTENT);
    return withBuffer;
  }

  private static TileLayer fromCollection(VectorLayers.VectorLayer layer, FeatureCollection collection) {
    List<TileFeature> features = new ArrayList<>();
    for (Feature feature : collection.features()) {
      if (feature.geometry() == null) {
        continue;
      }
      Map<String, Object> tags = new LinkedHashMap<>();
      for (String attribute : layer.fields().keySet()) {
        tags.put(attribute, feature.properties().get(attribute));
      }
      features.add(new TileFeature(feature.geometry(), tags));
    }
    return new TileLayer(layer.id(), features);
  }
}
