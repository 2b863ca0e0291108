package nl.veiligheidskaart.service.maptiles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.geodata.crs.CrsTransform;
import nl.veiligheidskaart.service.api.Feature;
import nl.veiligheidskaart.service.api.FeatureCollection;
import nl.veiligheidskaart.service.api.NotFoundException;
import nl.veiligheidskaart.service.config.PrivacyProperties;
import nl.veiligheidskaart.service.geography.GeographyService;
import nl.veiligheidskaart.service.layers.RiskLocationLayers;
import nl.veiligheidskaart.service.security.Role;
import nl.veiligheidskaart.service.store.IncidentEntity;
import nl.veiligheidskaart.service.store.IncidentFilter;
import nl.veiligheidskaart.service.store.IncidentQueries;
import nl.veiligheidskaart.tiles.geo.TileCoordinate;
import nl.veiligheidskaart.tiles.mvt.VectorTileEncoder;
import nl.veiligheidskaart.tiles.mvt.VectorTileEncoder.TileFeature;
import nl.veiligheidskaart.tiles.mvt.VectorTileEncoder.TileLayer;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import nl.veiligheidskaart.service.store.DataChangedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Vector tiles (MVT) of the map layers, by the same rules as the API: raw incident points only for
 * analysts and only from zoom 13 (below that, and for every other role, counts per cell with small
 * counts suppressed), risk locations for analysts, the geography for everyone. Tiles are cached
 * for a minute per layer, filters and role class; imports clear the cache.
 */
@Service
@Transactional(readOnly = true)
public class VectorTileService {

  /** Zoom from which analysts get single incidents; below it a tile would carry too many points. */
  public static final int RAW_POINTS_FROM_ZOOM = 13;
  /** Cells per tile side when incidents are counted: 16 cells of 16 pixels on a 256-pixel tile. */
  static final int CELLS_PER_SIDE = 16;
  public static final Set<String> LAYERS = Set.of("municipalities", "incidents", "hemp-sites", "holiday-parks",
      "omg-clubhouses");
  private static final GeometryFactory WEB_MERCATOR = new GeometryFactory(new PrecisionModel(), 3857);
  private static final GeometryFactory RD_NEW = new GeometryFactory(new PrecisionModel(), 28992);
  /** The Netherlands with a margin (3.0–7.5 E, 50.5–53.8 N) in Web Mercator metres. */
  private static final Envelope NETHERLANDS_WEB_MERCATOR = new Envelope(333_958, 834_896, 6_538_000, 7_135_000);
  /** An RD New area where no incident lies, for tiles beyond the Netherlands. */
  private static final Polygon EMPTY_AREA = (Polygon) RD_NEW.toGeometry(new Envelope(-1, 0, -1, 0));

  /** Which incidents the incident layer shows; nulls do not filter. */
  public record Filter(List<String> categories, Instant from, Instant to) {
  }

  private record Key(String layer, TileCoordinate tile, Filter filter, boolean analyst) {
  }

  private final GeographyService geography;
  private final RiskLocationLayers riskLocations;
  private final IncidentQueries incidents;
  private final int minimumCount;
  private final Cache<Key, byte[]> cache = Caffeine.newBuilder().maximumWeight(256L << 20)
      .<Key, byte[]>weigher((key, tile) -> tile.length + 100).expireAfterWrite(Duration.ofMinutes(1)).build();

  VectorTileService(GeographyService geography, RiskLocationLayers riskLocations, IncidentQueries incidents,
      PrivacyProperties privacy) {
    this.geography = geography;
    this.riskLocations = riskLocations;
    this.incidents = incidents;
    this.minimumCount = privacy.minimumCount();
  }

  /**
   * @throws NotFoundException for an unknown layer
   * @throws AccessDeniedException for raw-data layers and a role other than ANALYST
   */
  public byte[] tile(String layer, TileCoordinate tile, Filter filter, Role role) {
    if (!LAYERS.contains(layer)) {
      throw new NotFoundException("No vector tile layer '" + layer + "'; there are " + String.join(", ",
          LAYERS.stream().sorted().toList()));
    }
    boolean analyst = role == Role.ANALYST;
    if (!analyst && !layer.equals("municipalities") && !layer.equals("incidents")) {
      throw new AccessDeniedException("The layer '" + layer + "' shows raw data: analysts only.");
    }
    return cache.get(new Key(layer, tile, filter, analyst), key -> render(key));
  }

  /** Forgets every cached tile when the data behind the layers changed (an import committed). */
  @EventListener
  void dataChanged(DataChangedEvent event) {
    cache.invalidateAll();
  }

  private byte[] render(Key key) {
    List<TileLayer> layers = new ArrayList<>();
    switch (key.layer()) {
      case "municipalities" -> layers.add(fromCollection("municipalities", geography.municipalities(Crs.WEB_MERCATOR),
          "code", "name", "district"));
      case "hemp-sites" -> layers.add(fromCollection("hemp-sites", riskLocations.hempSites(Crs.WEB_MERCATOR),
          "sourceId", "siteType", "foundOn", "plantCount", "demo"));
      case "holiday-parks" -> layers.add(fromCollection("holiday-parks",
          riskLocations.holidayParks(Crs.WEB_MERCATOR), "sourceId", "name", "units", "demo"));
      case "omg-clubhouses" -> layers.add(fromCollection("omg-clubhouses",
          riskLocations.omgClubhouses(Crs.WEB_MERCATOR), "sourceId", "club", "status", "demo"));
      default -> layers.add(key.analyst() && key.tile().z() >= RAW_POINTS_FROM_ZOOM ? incidentPoints(key)
          : incidentCells(key));
    }
    return VectorTileEncoder.encode(key.tile(), layers);
  }

  private static TileLayer fromCollection(String name, FeatureCollection collection, String... attributes) {
    List<TileFeature> features = new ArrayList<>();
    for (Feature feature : collection.features()) {
      if (feature.geometry() == null) {
        continue;
      }
      Map<String, Object> tags = new LinkedHashMap<>();
      for (String attribute : attributes) {
        tags.put(attribute, feature.properties().get(attribute));
      }
      features.add(new TileFeature(feature.geometry(), tags));
    }
    return new TileLayer(name, features);
  }

  private TileLayer incidentPoints(Key key) {
    List<TileFeature> features = new ArrayList<>();
    for (IncidentEntity incident : incidents.page(filter(key), 0, Integer.MAX_VALUE)) {
      Map<String, Object> tags = new LinkedHashMap<>();
      tags.put("sourceId", incident.getSourceId());
      tags.put("category", incident.getCategory());
      tags.put("occurredAt", incident.getOccurredAt().toString());
      tags.put("demo", incident.isDemo());
      features.add(new TileFeature(CrsTransform.transform(incident.getGeometry(), Crs.RD_NEW, Crs.WEB_MERCATOR), tags));
    }
    return new TileLayer("incidents", features);
  }

  /** Counts per cell of a 16 × 16 raster over the tile; cells below the minimum count left out for non-analysts. */
  private TileLayer incidentCells(Key key) {
    Envelope bounds = key.tile().bounds();
    double size = bounds.getWidth() / CELLS_PER_SIDE;
    int[] counts = new int[CELLS_PER_SIDE * CELLS_PER_SIDE];
    for (Geometry point : incidents.points(filter(key))) {
      Geometry mercator = CrsTransform.transform(point, Crs.RD_NEW, Crs.WEB_MERCATOR);
      int column = (int) Math.floor((mercator.getCoordinate().x - bounds.getMinX()) / size);
      int row = (int) Math.floor((bounds.getMaxY() - mercator.getCoordinate().y) / size);
      if (column >= 0 && column < CELLS_PER_SIDE && row >= 0 && row < CELLS_PER_SIDE) {
        counts[row * CELLS_PER_SIDE + column]++;
      }
    }
    List<TileFeature> features = new ArrayList<>();
    for (int cell = 0; cell < counts.length; cell++) {
      int count = counts[cell];
      if (count == 0 || (!key.analyst() && count < minimumCount)) {
        continue;
      }
      double minX = bounds.getMinX() + (cell % CELLS_PER_SIDE) * size;
      double maxY = bounds.getMaxY() - (cell / CELLS_PER_SIDE) * size;
      Polygon square = (Polygon) WEB_MERCATOR.toGeometry(new Envelope(minX, minX + size, maxY - size, maxY));
      features.add(new TileFeature(square, Map.of("count", count)));
    }
    return new TileLayer("incident-cells", features);
  }

  /**
   * The incidents inside the tile: its footprint in RD New, after cutting the tile to the
   * Netherlands (RD New is not defined far beyond it, and no incident lies there).
   */
  private static IncidentFilter filter(Key key) {
    Envelope part = key.tile().bounds().intersection(NETHERLANDS_WEB_MERCATOR);
    Polygon area = part.isNull() ? EMPTY_AREA : (Polygon) RD_NEW.toGeometry(CrsTransform.transform(
        WEB_MERCATOR.toGeometry(part), Crs.WEB_MERCATOR, Crs.RD_NEW).getEnvelopeInternal());
    return new IncidentFilter(key.filter().categories(), key.filter().from(), key.filter().to(), List.of(), area);
  }
}
