package nl.veiligheidskaart.service.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import nl.veiligheidskaart.geodata.crs.Crs;

/**
 * A risk terrain as GeoJSON: the cells with their relative risk score, the chosen risk factors
 * (ranked by relative risk value), the layers not chosen, and the report of the analysis.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RiskTerrainFeatureCollection(String type, Map<String, Object> crs, List<Factor> riskFactors,
    List<String> notChosen, List<Feature> features, AnalysisReport analysis) {

  /**
   * A chosen risk factor.
   *
   * @param operationalisation {@code proximity} or {@code density}
   * @param distance the influence distance in metres
   * @param relativeRiskValue exp(coefficient)
   * @param p two-sided Wald p of the coefficient
   */
  public record Factor(int rank, String layer, String operationalisation, double distance, double coefficient,
      double standardError, double relativeRiskValue, double p) {
  }

  public static RiskTerrainFeatureCollection of(List<Factor> factors, List<String> notChosen, List<Feature> features,
      Crs crs, AnalysisReport analysis) {
    return new RiskTerrainFeatureCollection("FeatureCollection", FeatureCollection.crsMember(crs), factors, notChosen,
        features, analysis);
  }
}
