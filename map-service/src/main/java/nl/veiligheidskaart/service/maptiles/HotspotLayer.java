package nl.veiligheidskaart.service.maptiles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.service.api.AnalysisFeatureCollection;
import nl.veiligheidskaart.service.api.AnalysisReport;
import nl.veiligheidskaart.service.api.Feature;
import nl.veiligheidskaart.service.hotspots.HotspotService;
import nl.veiligheidskaart.service.hotspots.IncidentSelection;
import nl.veiligheidskaart.service.store.DataChangedEvent;
import org.locationtech.jts.geom.Envelope;
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

  /** The analysis in one map CRS (Web Mercator or RD New), with its cells indexed for tile lookups. */
  public record HotspotCells(List<Feature> cells, STRtree index, AnalysisReport report) {

    /** The cells whose envelopes meet an extent in the analysis' CRS. */
    @SuppressWarnings("unchecked")
    public List<Feature> within(Envelope extent) {
      return index.query(extent);
    }
  }

  private record Key(MapLayerFilter filter, Crs crs) {
  }

  private static final HotspotService.GridOptions DEFAULTS = new HotspotService.GridOptions(null, null, false, 0, 0);

  private final HotspotService hotspots;
  private final Cache<Key, HotspotCells> cache = Caffeine.newBuilder().maximumSize(50)
      .expireAfterAccess(Duration.ofMinutes(10)).build();

  HotspotLayer(HotspotService hotspots) {
    this.hotspots = hotspots;
  }

  /** The cells in a map CRS: the same analysis, for maps drawn in RD New or Web Mercator. */
  public HotspotCells cells(MapLayerFilter filter, Crs crs) {
    return cache.get(new Key(filter, crs), this::analyse);
  }

  @EventListener
  void dataChanged(DataChangedEvent event) {
    cache.invalidateAll();
  }

  private HotspotCells analyse(Key key) {
    MapLayerFilter filter = key.filter();
    AnalysisFeatureCollection result = hotspots.gridHotspots(new IncidentSelection(filter.categories(),
        filter.from(), filter.to(), "all"), DEFAULTS, key.crs());
    STRtree index = new STRtree();
    for (Feature cell : result.features()) {
      index.insert(cell.geometry().getEnvelopeInternal(), cell);
    }
    index.build();
    return new HotspotCells(result.features(), index, result.analysis());
  }
}
