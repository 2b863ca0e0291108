package nl.veiligheidskaart.service.hotspots;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.veiligheidskaart.geodata.reference.ReferenceGeography;
import nl.veiligheidskaart.service.analysis.BinaryWeights;
import nl.veiligheidskaart.service.analysis.EmpiricalBayesRates;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.api.MunicipalityRates.MunicipalityRate;
import nl.veiligheidskaart.service.api.MunicipalityRates;
import nl.veiligheidskaart.service.config.Zones;
import nl.veiligheidskaart.service.geography.BoundaryIndexes;
import nl.veiligheidskaart.service.intake.StatisticPeriod;
import nl.veiligheidskaart.service.layers.PopulationService;
import nl.veiligheidskaart.service.layers.PopulationTable;
import nl.veiligheidskaart.service.store.CountSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rates per 1,000 inhabitants of the municipalities of an area, raw or smoothed by empirical Bayes
 * ({@link EmpiricalBayesRates}: towards the area's overall rate, or towards each municipality's
 * queen-contiguity neighbourhood within the area). The counts come from the incidents or from the
 * area statistics; the inhabitants from the year nearest to the counts' period that has figures.
 * Counts are exact: the analyses are for analysts only.
 */
@Service
@Transactional(readOnly = true)
public class RateService {

  /** How the raw rates are smoothed. */
  public enum Smoothing {
    NONE, GLOBAL_EB, LOCAL_EB;

    /** As on the wire: {@code global-eb}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** {@code statisticCategory} and {@code period} apply to the area statistics. */
  public record RateOptions(CountSource source, Smoothing smoothing, String statisticCategory, String period) {
  }

  private final AnalysisArea areas;
  private final MunicipalityCounts municipalityCounts;
  private final PopulationService population;
  private final BoundaryIndexes boundaries;
  private final ReferenceGeography reference;
  private final Clock clock;

  RateService(AnalysisArea areas, MunicipalityCounts municipalityCounts, PopulationService population,
      BoundaryIndexes boundaries, ReferenceGeography reference, Clock clock) {
    this.areas = areas;
    this.municipalityCounts = municipalityCounts;
    this.population = population;
    this.boundaries = boundaries;
    this.reference = reference;
    this.clock = clock;
  }

  public MunicipalityRates rates(IncidentSelection selection, RateOptions options) {
    AnalysisArea.Area area;
    try {
      area = areas.resolve(selection.area());
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("area", e.getMessage());
    }
    if (options.source() == CountSource.INCIDENTS && options.period() != null) {
      throw new InvalidParameterException("period", "period applies to source=statistics; "
          + "incidents are selected with from and to");
    }
    Map<String, Long> counts = municipalityCounts.of(options.source(), selection, area, options.statisticCategory(),
        options.period());
    int countYear = countYear(selection, options.source(), options.period());
    PopulationTable table = population.table();
    Integer populationYear = table.nearestYear(countYear).orElse(null);
    List<String> codes = area.codes();
    // Only municipalities with a figure of that year take part; each among its own neighbours (spdep's EBlocal).
    List<String> rated = codes.stream()
        .filter(code -> populationYear != null && table.inhabitantsIn(code, populationYear).isPresent()).toList();
    double[] rateCounts = rated.stream().mapToDouble(code -> counts.getOrDefault(code, 0L)).toArray();
    double[] inhabitants = rated.stream().mapToDouble(code -> table.inhabitantsIn(code, populationYear).orElseThrow())
        .toArray();
    double[] raw = EmpiricalBayesRates.raw(rateCounts, inhabitants);
    double[] smoothed = rated.isEmpty() ? raw : switch (options.smoothing()) {
      case NONE -> raw;
      case GLOBAL_EB -> EmpiricalBayesRates.global(rateCounts, inhabitants);
      case LOCAL_EB -> EmpiricalBayesRates.local(rateCounts, inhabitants, BinaryWeights.contiguity(rated,
          boundaries.contiguity(boundaries.newestVintage().orElseThrow())::neighbours, true));
    };
    List<MunicipalityRate> rates = new ArrayList<>();
    for (String code : codes) {
      int i = rated.indexOf(code);
      String name = reference.municipality(code).orElseThrow().name();
      long count = counts.getOrDefault(code, 0L);
      rates.add(i < 0 ? new MunicipalityRate(code, name, count, null, null, null)
          : new MunicipalityRate(code, name, count, (long) inhabitants[i], 1000 * raw[i], 1000 * smoothed[i]));
    }
    return new MunicipalityRates(populationYear, options.smoothing().label(), rates);
  }

  /** Rates per 1,000 inhabitants for an analysis of municipalities, over the inhabitants of {@code populationYear}. */
  record Rated(int populationYear, double[] per1000) {
  }

  /**
   * The rates per 1,000 of municipalities (raw, or with {@code smoothing}) for an analysis that
   * needs a value for every one of them.
   *
   * @throws InvalidParameterException naming {@code measure} when a municipality has no inhabitants figure
   */
  Rated per1000(List<String> codes, long[] counts, int countYear, Smoothing smoothing) {
    PopulationTable table = population.table();
    int populationYear = table.nearestYear(countYear).orElseThrow(() -> new InvalidParameterException("measure",
        "no population figures are loaded: import them (layer population) to analyse rates"));
    double[] inhabitants = new double[codes.size()];
    for (int i = 0; i < inhabitants.length; i++) {
      String code = codes.get(i);
      inhabitants[i] = table.inhabitantsIn(code, populationYear).orElseThrow(() -> new InvalidParameterException(
          "measure", code + " has no inhabitants figure for " + populationYear));
    }
    double[] rateCounts = Arrays.stream(counts).asDoubleStream().toArray();
    double[] rates = switch (smoothing) {
      case NONE -> EmpiricalBayesRates.raw(rateCounts, inhabitants);
      case GLOBAL_EB -> EmpiricalBayesRates.global(rateCounts, inhabitants);
      case LOCAL_EB -> EmpiricalBayesRates.local(rateCounts, inhabitants, BinaryWeights.contiguity(codes,
          boundaries.contiguity(boundaries.newestVintage().orElseThrow())::neighbours, true));
    };
    return new Rated(populationYear, Arrays.stream(rates).map(rate -> 1000 * rate).toArray());
  }

  /** The year whose inhabitants the counts are set against: the statistic's period, else the period's first day. */
  int countYear(IncidentSelection selection, CountSource source, String period) {
    if (source == CountSource.STATISTICS) {
      try {
        return StatisticPeriod.parse(period).start().getYear();
      } catch (IllegalArgumentException e) {
        throw new InvalidParameterException("period", e.getMessage());
      }
    }
    return LocalDate.ofInstant(selection.from() != null ? selection.from()
        : selection.to() != null ? selection.to().minusMillis(1) : clock.instant(), Zones.NETHERLANDS).getYear();
  }
}
