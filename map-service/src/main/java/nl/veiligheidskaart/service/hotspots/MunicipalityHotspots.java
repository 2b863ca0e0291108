package nl.veiligheidskaart.service.hotspots;

import nl.veiligheidskaart.service.api.AnalysisReport;

/**
 * Gi* hot and cold spots per municipality, per municipality of {@code municipalities}.
 *
 * @param p two-sided p of z (normal approximation); NaN where z is undefined
 * @param pseudoP pseudo p-values of conditional randomisation, or null when none were asked for
 * @param bins the confidence bin as ArcGIS's Gi_Bin, from {@code pseudoP} when given, else from {@code p}
 */
public record MunicipalityHotspots(MunicipalityValues municipalities, double[] z, double[] p, double[] pseudoP,
    int[] bins, AnalysisReport report) {
}
