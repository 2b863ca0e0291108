package nl.veiligheidskaart.service.hotspots;

import nl.veiligheidskaart.service.analysis.EmergingHotSpots;
import nl.veiligheidskaart.service.api.AnalysisReport;

/**
 * Emerging hot spots on a grid: per cell of {@code grid} (counts over the whole period), the
 * Mann–Kendall trend of its Gi* z-scores over the time steps and its ArcGIS pattern.
 *
 * @param trendZ Mann–Kendall z of the cell's Gi* z-scores; NaN where undefined
 * @param binsPerStep the Gi* confidence bins (FDR) of every cell, per time step: {@code binsPerStep[step][cell]}
 */
public record EmergingHotspots(StudyGrid grid, EmergingHotSpots.Pattern[] patterns, double[] trendZ,
    double[] trendP, int[][] binsPerStep, AnalysisReport report) {

  /** The bins of one cell, in the order of the time steps. */
  public int[] bins(int cell) {
    int[] bins = new int[binsPerStep.length];
    for (int step = 0; step < bins.length; step++) {
      bins[step] = binsPerStep[step][cell];
    }
    return bins;
  }
}
