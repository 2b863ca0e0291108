package nl.veiligheidskaart.service.hotspots;

import nl.veiligheidskaart.service.api.AnalysisReport;

/**
 * Gi* hot and cold spots on a grid: per cell of {@code grid}, its z-score, p-values and the
 * confidence bin as ArcGIS's Gi_Bin (−3 to 3, 0 not significant).
 *
 * @param p two-sided p of z (normal approximation); NaN where z is undefined
 * @param pseudoP pseudo p-values of conditional randomisation, or null when none were asked for
 * @param bins from {@code pseudoP} when given, else from {@code p}
 */
public record GridHotspots(StudyGrid grid, double[] z, double[] p, double[] pseudoP, int[] bins,
    AnalysisReport report) {
}
