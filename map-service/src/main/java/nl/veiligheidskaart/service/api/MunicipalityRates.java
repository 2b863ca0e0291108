package nl.veiligheidskaart.service.api;

import java.util.List;

/**
 * Counts per municipality with their rates per 1,000 inhabitants, raw and smoothed.
 *
 * @param populationYear the year of the inhabitants (1 January) the rates are drawn over: the
 *     nearest to the counts' period that has figures; null when no population is loaded
 * @param smoothing {@code none}, {@code global-eb} or {@code local-eb}
 */
public record MunicipalityRates(Integer populationYear, String smoothing, List<MunicipalityRate> municipalities) {

  /**
   * @param population null when the municipality has no figure for {@code populationYear}; its
   *     rates are null then and it takes no part in the smoothing
   * @param smoothedPer1000 the empirical Bayes rate; with smoothing {@code none} the raw rate
   */
  public record MunicipalityRate(String code, String name, long count, Long population, Double ratePer1000,
      Double smoothedPer1000) {
  }
}
