package nl.veiligheidskaart.service.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import nl.veiligheidskaart.geodata.crs.Crs;

/** A GeoJSON FeatureCollection of analysis results with the report of the analysis beside it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AnalysisFeatureCollection(String type, Map<String, Object> crs, List<Feature> features,
    AnalysisReport analysis) {

  public static AnalysisFeatureCollection of(List<Feature> features, Crs crs, AnalysisReport analysis) {
    return new AnalysisFeatureCollection("FeatureCollection", FeatureCollection.crsMember(crs), features, analysis);
  }
}
