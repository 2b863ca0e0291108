package nl.veiligheidskaart.service.riskterrain;

import java.util.List;
import nl.veiligheidskaart.service.api.AnalysisReport;
import nl.veiligheidskaart.service.hotspots.StudyGrid;

/**
 * A risk terrain model: the cells it ran on with their incident counts, the chosen risk factors
 * ranked by relative risk value, the layers it looked at but did not choose, and per cell the
 * relative risk score, the product of the relative risk values of the factors present in it (1 in a
 * cell with none).
 *
 * @param factorsOf per cell, the indexes in {@code factors} of the factors present
 */
public record RiskTerrain(StudyGrid grid, List<RiskFactor> factors, List<String> notChosen, double[] relativeRisk,
    int[][] factorsOf, AnalysisReport report) {
}
