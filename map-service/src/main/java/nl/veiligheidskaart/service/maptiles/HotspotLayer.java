package nl.veiligheidskaart.service.maptiles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.geodata.crs.CrsTransform;
import nl.veiligheidskaart.service.hotspots.GridHotspots;
import nl.veiligheidskaart.service.hotspots.HotspotService;
import nl.veiligheidskaart.service.hotspots.IncidentSelection;
import nl.veiligheidskaart.service.hotspots.StudyGrid;
import nl.veiligheidskaart.service.store.DataChangedEvent;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The hotspot map layer: the Gi* analysis of the grid over all 76 municipalities with ArcGIS's
 * default scale (cell size and distance band chosen from the data), run once per filter and kept
 * until the data changes, so that every tile of a map shows the same analysis.
 */
@Service
public class HotspotLayer {

  /**
   * One cell of the analysis in Web Mercator.
   *
   * @param z the Gi* z-score, null where it is not defined (no variance, no neighbours)
   * @param p its two-sided p-value, null where z is not defined
   * @param bin the confidence bin as ArcGIS's Gi_Bin: −3 to 3, 0 not significant
   */
  public record HotspotCell(String cellId, Geometry mercator, long count, Double z, Double p, int bin) {
  }

  /** The analysis's cells, indexed for tile lookups. */
  public record HotspotCells(STRtree index) {

    @SuppressWarnings("unchecked")
    public List<HotspotCell> within(Envelope mercator) {
      return index.query(mercator);
    }
  }

  private static final HotspotService.GridOptions DEFAULTS = new HotspotService.GridOptions(null, null, false, 0, 0);

  private final HotspotService hotspots;
  private final Cache<MapLayerFilter, HotspotCells> cache = Caffeine.newBuilder().maximumSize(50)
      .expireAfterAccess(Duration.ofMinutes(10)).build();

  HotspotLayer(HotspotService hotspots) {
    this.hotspots = hotspots;
  }

  public HotspotCells cells(MapLayerFilter filter) {
    return cache.get(filter, this::analyse);
  }

  @EventListener
  void dataChanged(DataChangedEvent event) {
    cache.invalidateAll();
  }

  private HotspotCells analyse(MapLayerFilter filter) {
    GridHotspots result = hotspots.gridHotspots(new IncidentSelection(filter.categories(), filter.from(),
        filter.to(), "all"), DEFAULTS);
    StudyGrid grid = result.grid();
    STRtree index = new STRtree();
    for (int i = 0; i < grid.size(); i++) {
      HotspotCell cell = new HotspotCell(grid.cellId(i), CrsTransform.transform(grid.polygon(i), Crs.RD_NEW,
          Crs.WEB_MERCATOR), grid.count(i), finite(result.z()[i]), finite(result.p()[i]), result.bins()[i]);
      index.insert(cell.mercator().getEnvelopeInternal(), cell);
    }
    index.build();
    return new HotspotCells(index);
  }

  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
