package nl.veiligheidskaart.service.hotspots;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.veiligheidskaart.service.analysis.KernelDensity;
import nl.veiligheidskaart.service.analysis.ScaleOfAnalysis;
import nl.veiligheidskaart.service.analysis.SquareGrid;
import nl.veiligheidskaart.service.api.AnalysisReport.ChosenParameter;
import nl.veiligheidskaart.service.api.DensityRaster;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.limits.RequestDeadline;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Kernel density of incidents on an RD-aligned raster over the area: the source of the heatmap. */
@Service
@Transactional(readOnly = true)
public class DensityService {

  /** The default raster: 100 m cells, as CBS square statistics and the DESIGN.md benchmark. */
  static final double DEFAULT_CELL_SIZE = 100;

  private final AnalysisArea areas;
  private final HotspotService hotspots;

  DensityService(AnalysisArea areas, HotspotService hotspots) {
    this.areas = areas;
    this.hotspots = hotspots;
  }

  public DensityRaster density(IncidentSelection selection, Double cellSize, Double bandwidth) {
    AnalysisArea.Area area;
    try {
      area = areas.resolve(selection.area());
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("area", e.getMessage());
    }
    HotspotService.IncidentPoints points = hotspots.points(selection, area);
    List<String> warnings = new ArrayList<>();
    double size = cellSize == null ? DEFAULT_CELL_SIZE : HotspotService.positive("cellSize", cellSize);
    ScaleOfAnalysis.Choice radius;
    if (bandwidth != null) {
      radius = new ScaleOfAnalysis.Choice(HotspotService.positive("bandwidth", bandwidth), "given");
    } else if (points.xs().length >= 2) {
      radius = ScaleOfAnalysis.kernelBandwidth(points.xs(), points.ys());
    } else {
      radius = new ScaleOfAnalysis.Choice(1000, "default for fewer than two incidents");
      warnings.add("Fewer than two incidents: the density is (almost) zero everywhere.");
    }
    AnalysisCost.densityBandwidth(radius.value(), size);
    Envelope extent = new Envelope();
    for (Geometry boundary : area.boundaries().values()) {
      extent.expandToInclude(boundary.getEnvelopeInternal());
    }
    SquareGrid grid = new SquareGrid(size);
    AnalysisCost.densityRaster(grid, extent, area.label());
    RequestDeadline.check();
    KernelDensity.Raster raster = KernelDensity.quartic(points.xs(), points.ys(), radius.value(), grid, extent);
    Envelope rasterExtent = raster.extent();
    Map<String, ChosenParameter> parameters = new LinkedHashMap<>();
    parameters.put("area", new ChosenParameter(area.label(), "given or default (all)"));
    parameters.put("categories", new ChosenParameter(selection.categories(), selection.categories().isEmpty()
        ? "all categories" : "given"));
    parameters.put("cellSize", new ChosenParameter(size, cellSize == null ? "default (100 m)" : "given"));
    parameters.put("bandwidth", new ChosenParameter(radius.value(), radius.chosenBy()));
    parameters.put("kernel", new ChosenParameter("quartic", "3/(pi h^2) (1 - d^2/h^2)^2 within the bandwidth h"));
    parameters.put("incidents", new ChosenParameter(points.xs().length, "selected"));
    return new DensityRaster("EPSG:28992", size, rasterExtent.getMinX(), rasterExtent.getMaxY(), raster.columns(),
        raster.rows(), "incidents per km²", raster.northToSouth(),
        HotspotService.report(raster.values(), parameters, warnings));
  }
}
