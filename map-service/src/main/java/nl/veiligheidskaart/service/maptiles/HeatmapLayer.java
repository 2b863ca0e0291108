package nl.veiligheidskaart.service.maptiles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.service.analysis.KernelDensity;
import nl.veiligheidskaart.service.analysis.ScaleOfAnalysis;
import nl.veiligheidskaart.service.analysis.SquareGrid;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.service.incidents.IncidentLocations;
import nl.veiligheidskaart.service.incidents.IncidentQuery;
import nl.veiligheidskaart.service.incidents.IncidentReadModel;
import nl.veiligheidskaart.service.store.DataChangedEvent;
import nl.veiligheidskaart.tiles.geo.MatrixTile;
import nl.veiligheidskaart.tiles.geo.TileMatrixSet;
import nl.veiligheidskaart.tiles.mvt.VectorTileEncoder.TileLayer;
import nl.veiligheidskaart.tiles.render.MapLayer.DensitySurface;
import nl.veiligheidskaart.tiles.render.MapLayer;
import nl.veiligheidskaart.tiles.render.MapStyle.Legend;
import nl.veiligheidskaart.tiles.render.MapStyle;
import nl.veiligheidskaart.tiles.render.Viewport;
import org.locationtech.jts.geom.Envelope;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The heatmap: quartic kernel density of the selected incidents in incidents per km², as the
 * density analysis computes it, drawn on the pixels of a tile or snapshot. One bandwidth and one
 * colour scale per filter (ArcGIS's bandwidth rule over all selected incidents; the ramp ends at the
 * highest density on a 100 m raster), so that neighbouring tiles match. A raster surface: no vector
 * tiles. Analysts only, as every analysis of single incidents.
 */
@Component
@Order(30)
public class HeatmapLayer extends MapLayerDefinition {

  public static final String ID = "heatmap";

  /** The density is computed at least this finely relative to the bandwidth, then drawn smoothly. */
  private static final int CELLS_PER_BANDWIDTH = 16;
  private static final double REFERENCE_CELL = 100;

  /**
   * The scale of a filter's heatmap.
   *
   * @param bandwidth metres on the ground
   * @param maximum the density (per km²) at the top of the colour ramp
   */
  public record HeatmapScale(double bandwidth, String bandwidthChosenBy, double maximum, int incidents) {

    public Legend legend() {
      return MapStyle.densityLegend(maximum);
    }
  }

  private final IncidentReadModel incidents;
  private final Cache<MapLayerFilter, HeatmapScale> scales = Caffeine.newBuilder().maximumSize(200)
      .expireAfterAccess(Duration.ofMinutes(10)).build();

  HeatmapLayer(IncidentReadModel incidents) {
    super(ID, "Heatmap (dichtheid)", Audience.ANALYSTS);
    this.incidents = incidents;
  }

  @Override
  public List<MapLayer> draw(Viewport viewport, MapLayerRequest request) {
    return List.of(surface(viewport, request.filter()));
  }

  @Override
  public Legend legend(MapLayerRequest request) {
    return scale(request.filter()).legend();
  }

  @Override
  public boolean hasVectorTiles() {
    return false;
  }

  @Override
  public List<VectorLayer> vectorLayers(DisclosurePolicy policy, TileMatrixSet set) {
    return List.of();
  }

  @Override
  public List<TileLayer> vectorTile(MatrixTile tile, MapLayerRequest request) {
    throw new IllegalStateException("The heatmap has no vector tiles");
  }

  public HeatmapScale scale(MapLayerFilter filter) {
    return scales.get(filter, this::measure);
  }

  @EventListener
  void dataChanged(DataChangedEvent event) {
    scales.invalidateAll();
  }

  /**
   * The density over a viewport in Web Mercator or RD New. Cells are the viewport's pixels, or a whole number of
   * them where pixels are far smaller than the bandwidth; where pixels are coarser than the
   * bandwidth the kernel widens to 1.5 cells, so that no incident falls between cell centres.
   */
  public DensitySurface surface(Viewport viewport, MapLayerFilter filter) {
    HeatmapScale scale = scale(filter);
    double ground = viewport.groundMetresPerUnit();
    double pixel = viewport.unitsPerImagePixel() * ground;
    double cell = pixel * Math.max(1, Math.floor(scale.bandwidth() / CELLS_PER_BANDWIDTH / pixel));
    double bandwidth = Math.max(scale.bandwidth(), 1.5 * cell);
    Envelope reach = new Envelope(viewport.world());
    reach.expandBy(bandwidth / ground);
    PointArrays points = new PointArrays();
    Crs crs = viewport.crs();
    incidents.forEachInExtent(crs, reach, IncidentQuery.of(filter.categories(), filter.from(), filter.to()),
        incident -> points.add(incident.x() * ground, incident.y() * ground));
    Envelope extent = new Envelope(viewport.world().getMinX() * ground, viewport.world().getMaxX() * ground,
        viewport.world().getMinY() * ground, viewport.world().getMaxY() * ground);
    // Shrunk by a hair, so that the far edges (exactly on cell borders) do not add a row and a column.
    extent.expandBy(-cell * 1e-6);
    KernelDensity.Raster raster = KernelDensity.quartic(points.xs(), points.ys(), bandwidth, new SquareGrid(cell),
        extent);
    Envelope rasterExtent = raster.extent();
    return new DensitySurface(raster.northToSouth(), raster.columns(), raster.rows(), new Envelope(
        rasterExtent.getMinX() / ground, rasterExtent.getMaxX() / ground, rasterExtent.getMinY() / ground,
        rasterExtent.getMaxY() / ground), scale.maximum());
  }

  private HeatmapScale measure(MapLayerFilter filter) {
    IncidentLocations points = incidents.locations(IncidentQuery.of(filter.categories(), filter.from(), filter.to()));
    if (points.size() < 2) {
      return new HeatmapScale(1000, "default for fewer than two incidents", 1, points.size());
    }
    ScaleOfAnalysis.Choice bandwidth = ScaleOfAnalysis.kernelBandwidth(points.xs(), points.ys());
    Envelope extent = new Envelope();
    for (int i = 0; i < points.size(); i++) {
      extent.expandToInclude(points.xs()[i], points.ys()[i]);
    }
    double cell = Math.min(REFERENCE_CELL, bandwidth.value() / 2);
    double maximum = 0;
    for (double value : KernelDensity.quartic(points.xs(), points.ys(), bandwidth.value(), new SquareGrid(cell),
        extent).values()) {
      maximum = Math.max(maximum, value);
    }
    return new HeatmapScale(bandwidth.value(), bandwidth.chosenBy(), maximum > 0 ? maximum : 1, points.size());
  }

  /** A growing pair of coordinate arrays. */
  private static final class PointArrays {
    private double[] x = new double[1024];
    private double[] y = new double[1024];
    private int size;

    void add(double px, double py) {
      if (size == x.length) {
        x = Arrays.copyOf(x, size * 2);
        y = Arrays.copyOf(y, size * 2);
      }
      x[size] = px;
      y[size] = py;
      size++;
    }

    double[] xs() {
      return Arrays.copyOf(x, size);
    }

    double[] ys() {
      return Arrays.copyOf(y, size);
    }
  }
}
