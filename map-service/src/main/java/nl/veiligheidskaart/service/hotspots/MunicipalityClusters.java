package nl.veiligheidskaart.service.hotspots;

import nl.veiligheidskaart.service.analysis.LocalMoran;
import nl.veiligheidskaart.service.api.AnalysisReport;

/**
 * Local Moran's I clusters and outliers per municipality, per municipality of {@code municipalities}.
 *
 * @param pseudoP pseudo p-values of conditional randomisation
 * @param quadrants the quadrant where significant (α 0.05, FDR when asked), else NOT_SIGNIFICANT
 */
public record MunicipalityClusters(MunicipalityValues municipalities, double[] localI, double[] pseudoP,
    LocalMoran.Quadrant[] quadrants, AnalysisReport report) {
}
