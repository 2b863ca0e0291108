package nl.veiligheidskaart.service.api;

import java.util.List;

/**
 * The profile of a municipality, a district or the police unit in one year: each theme's incidents
 * against the year before and per 1,000 inhabitants against the area it lies in, the risk locations
 * by kind, the strategy monitor's indicators, the interventions with their waterbed checks, the municipalities that are hot spots of a theme
 * (analysts only) and the parts the figures add up from. Counts are as the reader may see them.
 *
 * @param kind {@code unit}, {@code district} or {@code municipality}
 * @param previousYearComplete whether the incidents cover the year before whole; when not (the data
 *     begin within it), no change against it is given
 * @param comparedWith the area whose rate each theme is set against (a municipality's district, a
 *     district's unit); null for the unit, or where the reader may not see that area whole
 * @param population inhabitants on 1 January of {@code populationYear}, the nearest year with figures
 * @param interventions those registered for the area's municipalities and dated in the year, newest
 *     first, each with its waterbed check as the reader may have it
 * @param hotspots null for readers other than analysts: an analysis, not a count; empty without
 *     population figures in the store (the analysis is of rates)
 * @param parts a unit's districts, a district's municipalities; empty for a municipality
 */
public record AreaProfile(String code, String name, String kind, String district, String districtName, int year,
    boolean previousYearComplete, Long population, Integer populationYear, String comparedWith,
    List<ThemeFigures> themes,
    List<RiskLocationFigures> riskLocations, List<StrategyMonitorReport.Indicator> indicators,
    List<Intervention> interventions, List<HotspotFinding> hotspots, List<PartFigures> parts) {

  /**
   * @param changePercent from {@code previousCount} to {@code count}, one decimal, of the counts as shown; null
   *     when either is withheld, the previous is 0, or the previous year is not held whole
   * @param comparisonRatePer1000 the rate of {@code comparedWith}
   */
  public record ThemeFigures(String category, String label, Long count, Long previousCount, Double changePercent,
      Double ratePer1000, Double previousRatePer1000, Double comparisonRatePer1000) {
  }

  /**
   * @param kind {@code hemp-sites}, {@code holiday-parks} or {@code omg-clubhouses}
   * @param what what is counted, in Dutch, e.g. "ontmanteld in 2025, woning"
   */
  public record RiskLocationFigures(String kind, String what, Long count) {
  }

  /** A municipality of the area whose rate of a theme is a hot (bin 1..3) or cold (-1..-3) spot among the 76 (Gi*). */
  public record HotspotFinding(String category, String label, String municipality, String municipalityName,
      int giBin, double giZ) {
  }

  public record PartFigures(String code, String name, Long count, Long previousCount, Double ratePer1000) {
  }
}
