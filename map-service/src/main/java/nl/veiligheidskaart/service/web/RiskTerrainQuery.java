package nl.veiligheidskaart.service.web;

import java.util.List;
import nl.veiligheidskaart.service.config.IncidentCategories;
import nl.veiligheidskaart.service.hotspots.IncidentSelection;
import nl.veiligheidskaart.service.riskterrain.RiskTerrainService;
import org.springdoc.core.annotations.ParameterObject;

/**
 * The query parameters of a risk terrain: which incidents ({@code category}, {@code from},
 * {@code to}, {@code area}, as every analysis), the {@code cellSize}, the risk layers as
 * {@code factors} (comma-separated; absent for every layer), the elastic net's {@code alpha} and the
 * {@code seed} that deals the cells into cross-validation folds.
 */
@ParameterObject
record RiskTerrainQuery(List<String> category, String from, String to, String area, Double cellSize,
    List<String> factors, Double alpha, Long seed) {

  IncidentSelection selection(IncidentCategories categories) {
    return analysisQuery().selection(categories);
  }

  RiskTerrainService.Options options() {
    return new RiskTerrainService.Options(cellSize, factors == null ? List.of() : factors, alpha,
        analysisQuery().seedOrDefault());
  }

  /** The parameters every analysis shares, checked where they are checked for every analysis. */
  private AnalysisQuery analysisQuery() {
    return new AnalysisQuery(category, from, to, area, cellSize, null, null, null, seed);
  }
}
