package nl.veiligheidskaart.service.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.geodata.crs.CrsTransform;
import nl.veiligheidskaart.service.analysis.EmergingHotSpots;
import nl.veiligheidskaart.service.analysis.LocalMoran;
import nl.veiligheidskaart.service.api.AnalysisFeatureCollection;
import nl.veiligheidskaart.service.api.AnalysisReport;
import nl.veiligheidskaart.service.api.Feature;
import nl.veiligheidskaart.service.api.RiskTerrainFeatureCollection;
import nl.veiligheidskaart.service.hotspots.EmergingHotspots;
import nl.veiligheidskaart.service.hotspots.GridClusters;
import nl.veiligheidskaart.service.hotspots.GridHotspots;
import nl.veiligheidskaart.service.hotspots.MunicipalityClusters;
import nl.veiligheidskaart.service.hotspots.MunicipalityHotspots;
import nl.veiligheidskaart.service.hotspots.MunicipalityValues;
import nl.veiligheidskaart.service.hotspots.StudyGrid;
import nl.veiligheidskaart.service.riskterrain.RiskFactor;
import nl.veiligheidskaart.service.riskterrain.RiskTerrain;

/**
 * The analysis results as GeoJSON: one feature per grid cell or municipality, in the CRS asked
 * for, with the analysis report beside them. The one place that names the wire properties
 * ({@code cellId}, {@code giZ}, {@code cluster}, …); a value that is not a finite number is null.
 */
final class AnalysisGeoJson {

  private AnalysisGeoJson() {
  }

  static AnalysisFeatureCollection of(GridHotspots result, Crs crs) {
    return grid(result.grid(), crs, result.report(), (properties, cell) -> {
      properties.put("giZ", finite(result.z()[cell]));
      properties.put("giP", finite(result.p()[cell]));
      properties.put("giBin", result.bins()[cell]);
      if (result.pseudoP() != null) {
        properties.put("pseudoP", finite(result.pseudoP()[cell]));
      }
    });
  }

  static AnalysisFeatureCollection of(GridClusters result, Crs crs) {
    return grid(result.grid(), crs, result.report(), (properties, cell) -> {
      properties.put("localI", finite(result.localI()[cell]));
      properties.put("pseudoP", finite(result.pseudoP()[cell]));
      properties.put("cluster", label(result.quadrants()[cell]));
    });
  }

  static AnalysisFeatureCollection of(EmergingHotspots result, Crs crs) {
    return grid(result.grid(), crs, result.report(), (properties, cell) -> {
      properties.put("pattern", EmergingHotSpots.label(result.patterns()[cell]));
      properties.put("trendZ", finite(result.trendZ()[cell]));
      properties.put("trendP", finite(result.trendP()[cell]));
      properties.put("bins", result.bins(cell));
    });
  }

  static AnalysisFeatureCollection of(MunicipalityHotspots result, Crs crs) {
    return municipalities(result.municipalities(), crs, result.report(), (properties, i) -> {
      properties.put("giZ", finite(result.z()[i]));
      properties.put("giP", finite(result.p()[i]));
      properties.put("giBin", result.bins()[i]);
      if (result.pseudoP() != null) {
        properties.put("pseudoP", finite(result.pseudoP()[i]));
      }
    });
  }

  static AnalysisFeatureCollection of(MunicipalityClusters result, Crs crs) {
    return municipalities(result.municipalities(), crs, result.report(), (properties, i) -> {
      properties.put("localI", finite(result.localI()[i]));
      properties.put("pseudoP", finite(result.pseudoP()[i]));
      properties.put("cluster", label(result.quadrants()[i]));
    });
  }

  /** Each cell's relative risk score and the chosen factors present in it, beside the ranked factors. */
  static RiskTerrainFeatureCollection of(RiskTerrain result, Crs crs) {
    AnalysisFeatureCollection cells = grid(result.grid(), crs, result.report(), (properties, cell) -> {
      properties.put("relativeRisk", finite(result.relativeRisk()[cell]));
      properties.put("riskFactors", Arrays.stream(result.factorsOf()[cell])
          .mapToObj(f -> result.factors().get(f).layer()).toList());
    });
    List<RiskTerrainFeatureCollection.Factor> factors = result.factors().stream()
        .map(f -> new RiskTerrainFeatureCollection.Factor(f.rank(), f.layer(), name(f.operationalisation()),
            f.distance(), f.coefficient(), f.standardError(), f.relativeRiskValue(), f.p()))
        .toList();
    return RiskTerrainFeatureCollection.of(factors, result.notChosen(), cells.features(), crs, result.report());
  }

  private static String name(RiskFactor.Operationalisation operationalisation) {
    return operationalisation.name().toLowerCase(Locale.ROOT);
  }

  /** The properties an analysis adds to those of a cell or municipality: its results for unit {@code i}. */
  private interface Results {
    void put(Map<String, Object> properties, int i);
  }

  private static AnalysisFeatureCollection grid(StudyGrid grid, Crs crs, AnalysisReport report,
      Results results) {
    List<Feature> features = new ArrayList<>(grid.size());
    for (int cell = 0; cell < grid.size(); cell++) {
      Map<String, Object> properties = new LinkedHashMap<>();
      String id = grid.cellId(cell);
      properties.put("cellId", id);
      properties.put("count", grid.count(cell));
      results.put(properties, cell);
      features.add(Feature.of(id, CrsTransform.transform(grid.polygon(cell), Crs.RD_NEW, crs), properties));
    }
    return AnalysisFeatureCollection.of(features, crs, report);
  }

  private static AnalysisFeatureCollection municipalities(MunicipalityValues municipalities, Crs crs,
      AnalysisReport report, Results results) {
    List<Feature> features = new ArrayList<>(municipalities.size());
    for (int i = 0; i < municipalities.size(); i++) {
      String code = municipalities.codes().get(i);
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("code", code);
      properties.put("name", municipalities.names().get(i));
      properties.put("count", municipalities.counts()[i]);
      properties.put("value", municipalities.values()[i]);
      results.put(properties, i);
      features.add(Feature.of(code, CrsTransform.transform(municipalities.boundaries().get(i), Crs.RD_NEW, crs),
          properties));
    }
    return AnalysisFeatureCollection.of(features, crs, report);
  }

  private static String label(LocalMoran.Quadrant quadrant) {
    return quadrant == LocalMoran.Quadrant.NOT_SIGNIFICANT ? "not significant" : quadrant.name();
  }

  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
