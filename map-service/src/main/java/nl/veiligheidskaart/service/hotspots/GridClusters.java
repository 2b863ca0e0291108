package nl.veiligheidskaart.service.hotspots;

import nl.veiligheidskaart.service.analysis.LocalMoran;
import nl.veiligheidskaart.service.api.AnalysisReport;

/**
 * Local Moran's I clusters (HH, LL) and outliers (HL, LH) on a grid, per cell of {@code grid}.
 *
 * @param pseudoP pseudo p-values of conditional randomisation
 * @param quadrants the cell's quadrant where significant (α 0.05, FDR when asked), else NOT_SIGNIFICANT
 */
public record GridClusters(StudyGrid grid, double[] localI, double[] pseudoP, LocalMoran.Quadrant[] quadrants,
    AnalysisReport report) {
}
