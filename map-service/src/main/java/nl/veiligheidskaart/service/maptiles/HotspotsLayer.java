package nl.veiligheidskaart.service.maptiles;

import static nl.veiligheidskaart.service.maptiles.VectorLayerSchema.field;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.geodata.crs.CrsTransform;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.service.hotspots.GridHotspots;
import nl.veiligheidskaart.service.hotspots.HotspotService;
import nl.veiligheidskaart.service.hotspots.IncidentSelection;
import nl.veiligheidskaart.service.hotspots.StudyGrid;
import nl.veiligheidskaart.service.hotspots.TooFewIncidentsException;
import nl.veiligheidskaart.service.maptiles.VectorLayerSchema.Type;
import nl.veiligheidskaart.service.store.DataChangedEvent;
import nl.veiligheidskaart.tiles.geo.MatrixTile;
import nl.veiligheidskaart.tiles.geo.TileMatrixSet;
import nl.veiligheidskaart.tiles.mvt.VectorTileEncoder.TileLayer;
import nl.veiligheidskaart.tiles.render.MapLayer.Areas;
import nl.veiligheidskaart.tiles.render.MapLayer.StyledArea;
import nl.veiligheidskaart.tiles.render.MapLayer;
import nl.veiligheidskaart.tiles.render.MapStyle.Legend;
import nl.veiligheidskaart.tiles.render.MapStyle;
import nl.veiligheidskaart.tiles.render.Viewport;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The hotspot map layer: the Gi* analysis of the grid over all 76 municipalities with ArcGIS's
 * default scale (cell size and distance band chosen from the data), run once per filter and kept
 * until the data changes, so that every tile of a map shows the same analysis. Maps in RD New and
 * in Web Mercator share that one run; only the cells' outlines are kept per CRS. Analysts only.
 */
@Component
@Order(40)
public class HotspotsLayer extends MapLayerDefinition {

  public static final String ID = "hotspots";

  /**
   * One cell of the analysis, its outline in the map CRS the cells were asked for.
   *
   * @param z the Gi* z-score, null where it is not defined (no variance, no neighbours)
   * @param p its two-sided p-value, null where z is not defined
   * @param bin the confidence bin as ArcGIS's Gi_Bin: −3 to 3, 0 not significant
   */
  public record HotspotCell(String cellId, Geometry outline, long count, Double z, Double p, int bin) {
  }

  /** The analysis's cells in one map CRS (Web Mercator or RD New), indexed for tile lookups. */
  public record HotspotCells(STRtree index) {

    /** The cells whose envelopes meet an extent in the cells' CRS. */
    @SuppressWarnings("unchecked")
    public List<HotspotCell> within(Envelope extent) {
      return index.query(extent);
    }
  }

  private record Key(MapLayerFilter filter, Crs crs) {
  }

  private static final VectorLayerSchema<HotspotCell> SCHEMA = new VectorLayerSchema<>(ID,
      "Gi* cells of the default grid analysis", List.of(
          field("cellId", Type.STRING, "", HotspotCell::cellId),
          field("count", Type.NUMBER, "incidents in the cell", HotspotCell::count),
          field("giZ", Type.NUMBER, "Gi* z-score", HotspotCell::z),
          field("giP", Type.NUMBER, "p-value", HotspotCell::p),
          field("giBin", Type.NUMBER, "-3 to 3, the confidence bin as ArcGIS's Gi_Bin", HotspotCell::bin)));

  private static final HotspotService.GridOptions DEFAULTS = new HotspotService.GridOptions(null, null, false, 0, 0);

  private final HotspotService hotspots;
  private final Cache<MapLayerFilter, Optional<GridHotspots>> analyses = Caffeine.newBuilder().maximumSize(50)
      .expireAfterAccess(Duration.ofMinutes(10)).build();
  private final Cache<Key, HotspotCells> cells = Caffeine.newBuilder().maximumSize(50)
      .expireAfterAccess(Duration.ofMinutes(10)).build();

  HotspotsLayer(HotspotService hotspots) {
    super(ID, "Hotspots (Gi*)", Audience.ANALYSTS);
    this.hotspots = hotspots;
  }

  @Override
  public List<MapLayer> draw(Viewport viewport, MapLayerRequest request) {
    // not significant: left open, so that the layers under it (the choropleth, the basemap) show
    List<StyledArea> cells = cells(request.filter(), viewport.crs()).within(viewport.world()).stream()
        .filter(cell -> cell.bin() != 0)
        .map(cell -> new StyledArea(cell.outline(), MapStyle.giBinColour(cell.bin()), false)).toList();
    return List.of(new Areas(cells, null, 0, true));
  }

  @Override
  public Legend legend(MapLayerRequest request) {
    return MapStyle.giBinLegend();
  }

  @Override
  public List<VectorLayer> vectorLayers(DisclosurePolicy policy, TileMatrixSet set) {
    return List.of(SCHEMA.describe(0, set.maxLevel()));
  }

  @Override
  public List<TileLayer> vectorTile(MatrixTile tile, MapLayerRequest request) {
    return List.of(SCHEMA.tileLayer(cells(request.filter(), tile.set().crs())
        .within(vectorTileExtent(tile)), HotspotCell::outline));
  }

  /** The cells in a map CRS: the same analysis, for maps drawn in RD New or Web Mercator. */
  public HotspotCells cells(MapLayerFilter filter, Crs crs) {
    return cells.get(new Key(filter, crs), this::index);
  }

  @EventListener
  void dataChanged(DataChangedEvent event) {
    analyses.invalidateAll();
    cells.invalidateAll();
  }

  /** The analysis, or none where too few incidents are selected to choose its scale: a map without cells. */
  private Optional<GridHotspots> analyse(MapLayerFilter filter) {
    try {
      return Optional.of(hotspots.gridHotspots(new IncidentSelection(filter.categories(), filter.from(), filter.to(),
          "all"), DEFAULTS));
    } catch (TooFewIncidentsException e) {
      return Optional.empty();
    }
  }

  private HotspotCells index(Key key) {
    STRtree index = new STRtree();
    Optional<GridHotspots> analysis = analyses.get(key.filter(), this::analyse);
    if (analysis.isEmpty()) {
      index.build();
      return new HotspotCells(index);
    }
    GridHotspots result = analysis.get();
    StudyGrid grid = result.grid();
    for (int i = 0; i < grid.size(); i++) {
      Geometry outline = key.crs() == Crs.RD_NEW ? grid.polygon(i)
          : CrsTransform.transform(grid.polygon(i), Crs.RD_NEW, key.crs());
      HotspotCell cell = new HotspotCell(grid.cellId(i), outline, grid.count(i), finite(result.z()[i]),
          finite(result.p()[i]), result.bins()[i]);
      index.insert(outline.getEnvelopeInternal(), cell);
    }
    index.build();
    return new HotspotCells(index);
  }

  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
