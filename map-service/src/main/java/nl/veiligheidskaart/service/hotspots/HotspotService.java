package nl.veiligheidskaart.service.hotspots;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import nl.veiligheidskaart.geodata.reference.ReferenceGeography;
import nl.veiligheidskaart.service.analysis.BinaryWeights;
import nl.veiligheidskaart.service.analysis.ConditionalPermutation;
import nl.veiligheidskaart.service.analysis.EmergingHotSpots;
import nl.veiligheidskaart.service.analysis.GetisOrdGiStar;
import nl.veiligheidskaart.service.analysis.LocalMoran;
import nl.veiligheidskaart.service.analysis.MannKendall;
import nl.veiligheidskaart.service.analysis.ScaleOfAnalysis;
import nl.veiligheidskaart.service.analysis.SignificanceBins;
import nl.veiligheidskaart.service.analysis.SquareGrid;
import nl.veiligheidskaart.service.analysis.StudyArea;
import nl.veiligheidskaart.service.api.AnalysisReport.ChosenParameter;
import nl.veiligheidskaart.service.api.AnalysisReport;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.config.Zones;
import nl.veiligheidskaart.service.geography.BoundaryIndexes;
import nl.veiligheidskaart.service.incidents.IncidentLocations;
import nl.veiligheidskaart.service.incidents.IncidentQuery;
import nl.veiligheidskaart.service.incidents.IncidentReadModel;
import nl.veiligheidskaart.service.limits.RequestDeadline;
import nl.veiligheidskaart.service.store.CountSource;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hot spots (Gi*), clusters and outliers (Local Moran's I) and emerging hot spots, on an RD-aligned
 * grid of incident counts or per municipality. Reads the data, picks the defaults ArcGIS would,
 * refuses work that would cost too much ({@link AnalysisCost}), hands arrays to the pure analyses in
 * {@code analysis}, and returns their results as records of arrays (e.g. {@link GridHotspots}) with
 * the report of what was run; it knows no CRS but RD New and no GeoJSON.
 */
@Service
@Transactional(readOnly = true)
public class HotspotService {

  /** ArcGIS asks at least this many incidents before it trusts a hot spot analysis. */
  static final int MIN_INCIDENTS = 30;
  static final double CLUSTER_ALPHA = 0.05;

  private final AnalysisArea areas;
  private final IncidentReadModel incidents;
  private final MunicipalityCounts municipalityCounts;
  private final BoundaryIndexes boundaries;
  private final ReferenceGeography reference;
  private final RateService rates;

  HotspotService(AnalysisArea areas, IncidentReadModel incidents, MunicipalityCounts municipalityCounts,
      BoundaryIndexes boundaries, ReferenceGeography reference, RateService rates) {
    this.rates = rates;
    this.areas = areas;
    this.incidents = incidents;
    this.municipalityCounts = municipalityCounts;
    this.boundaries = boundaries;
    this.reference = reference;
  }

  /** How the grid analyses are run; null cell size or band means: choose as ArcGIS would. */
  public record GridOptions(Double cellSize, Double distanceBand, boolean fdr, int permutations, long seed) {
  }

  /**
   * Counts, counts per km² of the municipality's area, or per 1,000 inhabitants: raw, or smoothed
   * by global empirical Bayes (not local: Gi* itself adds the neighbourhood).
   */
  public enum Measure {
    COUNT, DENSITY, RATE, SMOOTHED_RATE
  }

  /** A municipality-level request; {@code category} and {@code period} apply to statistics. */
  public record MunicipalityOptions(CountSource source, Measure measure, String statisticCategory, String period,
      boolean fdr, int permutations, long seed) {
  }

  /** Gi* hot and cold spots on the grid. */
  public GridHotspots gridHotspots(IncidentSelection selection, GridOptions options) {
    Grid grid = grid(selection, options, true);
    double[] z = GetisOrdGiStar.zScores(grid.counts, grid.weights);
    double[] p = SignificanceBins.twoSidedP(z);
    double[] pseudoP = options.permutations() > 0
        ? ConditionalPermutation.pseudoP(grid.counts, grid.weights, options.permutations(), options.seed(), threads())
        : null;
    int[] bins = SignificanceBins.bins(pseudoP == null ? p : pseudoP, z, options.fdr());
    warnNoVariance(z, grid.warnings);
    return new GridHotspots(grid.studyGrid(), z, p, pseudoP, bins,
        report(grid.counts, grid.parameters, grid.warnings));
  }

  /** Local Moran's I clusters (HH, LL) and outliers (HL, LH) on the grid; significance by permutation. */
  public GridClusters gridClusters(IncidentSelection selection, GridOptions options) {
    Grid grid = grid(selection, options, false);
    double[] localI = LocalMoran.statistics(grid.counts, grid.weights);
    double[] pseudoP = ConditionalPermutation.pseudoP(grid.counts, grid.weights, options.permutations(),
        options.seed(), threads());
    LocalMoran.Quadrant[] quadrants = LocalMoran.quadrants(grid.counts, grid.weights,
        SignificanceBins.significant(pseudoP, CLUSTER_ALPHA, options.fdr()));
    warnNoVariance(localI, grid.warnings);
    return new GridClusters(grid.studyGrid(), localI, pseudoP, quadrants,
        report(grid.counts, grid.parameters, grid.warnings));
  }

  /** The time steps of an emerging hot spot analysis. */
  public enum Step {
    WEEK, MONTH
  }

  /**
   * Emerging hot spots: Gi* (FDR bins) per time step on one grid, the Mann–Kendall trend of each
   * cell's z-scores, and the ArcGIS category of each cell.
   */
  public EmergingHotspots emergingHotspots(IncidentSelection selection, Step step, GridOptions options) {
    if (selection.from() == null || selection.to() == null) {
      throw new InvalidParameterException(selection.from() == null ? "from" : "to",
          "an emerging hot spot analysis needs a period: give from and to");
    }
    List<Instant> starts = stepStarts(selection.from(), selection.to(), step);
    AnalysisCost.steps(starts.size(), step);
    if (starts.size() < 2) {
      throw new InvalidParameterException("step", "the period holds fewer than two " + step.name()
          .toLowerCase(Locale.ROOT) + "s");
    }
    AnalysisArea.Area area = area(selection);
    IncidentLocations located = incidents.locations(query(selection, area));
    int[] stepOf = new int[located.size()];
    for (int i = 0; i < stepOf.length; i++) {
      int found = Collections.binarySearch(starts, Instant.ofEpochMilli(located.occurredAtMillis()[i]));
      stepOf[i] = found >= 0 ? found : -found - 2;
    }
    int steps = starts.size();
    Grid grid = grid(selection, area, new IncidentPoints(located.xs(), located.ys()), options, true, steps);
    int cells = grid.area.size();
    AnalysisCost.stepPairs(steps, IntStream.range(0, cells).mapToLong(grid.weights::count).sum());
    // One pass over the incidents: each counted in its step's cell.
    double[][] counts = new double[steps][cells];
    for (int i = 0; i < located.size(); i++) {
      int cell = grid.area.cellAt(located.xs()[i], located.ys()[i]);
      if (cell >= 0 && stepOf[i] >= 0 && stepOf[i] < steps) {
        counts[stepOf[i]][cell]++;
      }
    }
    double[][] z = new double[steps][];
    int[][] bins = new int[steps][];
    for (int t = 0; t < steps; t++) {
      RequestDeadline.check();
      z[t] = GetisOrdGiStar.zScores(counts[t], grid.weights);
      counts[t] = null;
      bins[t] = SignificanceBins.bins(SignificanceBins.twoSidedP(z[t]), z[t], true);
    }
    if (steps < 10) {
      grid.warnings.add("Only " + steps + " time steps: ArcGIS asks at least 10 for a trend.");
    }
    EmergingHotSpots.Pattern[] patterns = new EmergingHotSpots.Pattern[cells];
    double[] trendZ = new double[cells];
    double[] trendP = new double[cells];
    for (int cell = 0; cell < cells; cell++) {
      double[] series = new double[steps];
      int[] cellBins = new int[steps];
      for (int t = 0; t < steps; t++) {
        series[t] = Double.isNaN(z[t][cell]) ? 0 : z[t][cell];
        cellBins[t] = bins[t][cell];
      }
      MannKendall.Trend trend = MannKendall.test(series);
      patterns[cell] = EmergingHotSpots.classify(cellBins, trend);
      trendZ[cell] = trend.z();
      trendP[cell] = trend.p();
    }
    grid.parameters.put("step", new ChosenParameter(step.name().toLowerCase(Locale.ROOT), "given or default"));
    grid.parameters.put("steps", new ChosenParameter(starts.stream().map(Instant::toString).toList(),
        "start of each step (" + Zones.NETHERLANDS_ID + ")"));
    grid.parameters.put("trendAlpha", new ChosenParameter(EmergingHotSpots.TREND_ALPHA, "Mann-Kendall on Gi* z"));
    return new EmergingHotspots(grid.studyGrid(), patterns, trendZ, trendP, bins,
        report(grid.counts, grid.parameters, grid.warnings));
  }

  /** Step starts from {@code from} (inclusive) while before {@code to}: weeks start on Monday, months on the 1st. */
  static List<Instant> stepStarts(Instant from, Instant to, Step step) {
    LocalDate day = from.atZone(Zones.NETHERLANDS).toLocalDate();
    LocalDate first = step == Step.WEEK ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
        : day.withDayOfMonth(1);
    List<Instant> starts = new ArrayList<>();
    // One more than the most taken is enough to refuse the period, however far off its end lies.
    for (LocalDate start = first;
        start.atStartOfDay(Zones.NETHERLANDS).toInstant().isBefore(to) && starts.size() <= AnalysisCost.MAX_STEPS;
        start = step == Step.WEEK ? start.plusWeeks(1) : start.plusMonths(1)) {
      starts.add(start.atStartOfDay(Zones.NETHERLANDS).toInstant());
    }
    return starts;
  }

  /** Gi* per municipality, contiguity weights with the municipality itself included. */
  public MunicipalityHotspots municipalityHotspots(IncidentSelection selection, MunicipalityOptions options) {
    Units units = municipalities(selection, options, true);
    double[] z = GetisOrdGiStar.zScores(units.values(), units.weights);
    double[] p = SignificanceBins.twoSidedP(z);
    double[] pseudoP = options.permutations() > 0
        ? ConditionalPermutation.pseudoP(units.values(), units.weights, options.permutations(), options.seed(),
            threads())
        : null;
    int[] bins = SignificanceBins.bins(pseudoP == null ? p : pseudoP, z, options.fdr());
    warnNoVariance(z, units.warnings);
    return new MunicipalityHotspots(units.municipalities(), z, p, pseudoP, bins, units.report());
  }

  /** Local Moran's I per municipality, contiguity weights row-standardised, self excluded. */
  public MunicipalityClusters municipalityClusters(IncidentSelection selection, MunicipalityOptions options) {
    Units units = municipalities(selection, options, false);
    double[] localI = LocalMoran.statistics(units.values(), units.weights);
    double[] pseudoP = ConditionalPermutation.pseudoP(units.values(), units.weights, options.permutations(),
        options.seed(), threads());
    LocalMoran.Quadrant[] quadrants = LocalMoran.quadrants(units.values(), units.weights,
        SignificanceBins.significant(pseudoP, CLUSTER_ALPHA, options.fdr()));
    warnNoVariance(localI, units.warnings);
    return new MunicipalityClusters(units.municipalities(), localI, pseudoP, quadrants, units.report());
  }

  /** The incidents of a selection as coordinate arrays. */
  IncidentPoints points(IncidentSelection selection, AnalysisArea.Area area) {
    IncidentLocations located = incidents.locations(query(selection, area));
    return new IncidentPoints(located.xs(), located.ys());
  }

  /** The incidents of a selection inside the municipalities of its area. */
  private static IncidentQuery query(IncidentSelection selection, AnalysisArea.Area area) {
    return new IncidentQuery(selection.categories(), selection.from(), selection.to(), Set.copyOf(area.codes()));
  }

  /** Incident locations in RD New metres. */
  record IncidentPoints(double[] xs, double[] ys) {
  }

  /** A grid analysis's inputs. */
  private record Grid(StudyArea area, double[] counts, BinaryWeights weights, Map<String, ChosenParameter> parameters,
      List<String> warnings) {

    StudyGrid studyGrid() {
      return new StudyGrid(area, counts);
    }
  }

  private Grid grid(IncidentSelection selection, GridOptions options, boolean includeSelf) {
    AnalysisArea.Area area = area(selection);
    return grid(selection, area, points(selection, area), options, includeSelf, 1);
  }

  /**
   * The grid, its counts and weights, refused from their sizes before they are built when they
   * would cost too much; {@code steps} is the number of time steps the grid will be analysed for.
   */
  private Grid grid(IncidentSelection selection, AnalysisArea.Area area, IncidentPoints points, GridOptions options,
      boolean includeSelf, int steps) {
    AnalysisCost.permutations(options.permutations());
    List<String> warnings = new ArrayList<>();
    if (points.xs().length < MIN_INCIDENTS) {
      warnings.add("Only " + points.xs().length + " incidents: at least " + MIN_INCIDENTS
          + " are needed for a reliable hot spot analysis.");
    }
    Map<String, ChosenParameter> parameters = selectionParameters(selection, area);
    ScaleOfAnalysis.Choice cellSize = options.cellSize() != null ? given(positive("cellSize", options.cellSize()))
        : defaultCellSize(points);
    AnalysisCost.cellSize(cellSize.value());
    Envelope extent = new Envelope();
    area.boundaries().values().forEach(boundary -> extent.expandToInclude(boundary.getEnvelopeInternal()));
    AnalysisCost.gridExtent(cellSize.value(), extent, area.label());
    if (steps > 1) {
      AnalysisCost.estimatedStepCells(steps, area.boundaries().values().stream().mapToDouble(Geometry::getArea).sum(),
          cellSize.value());
    }
    StudyArea study = StudyArea.of(new SquareGrid(cellSize.value()), area.boundaries().values());
    AnalysisCost.gridCells(cellSize.value(), study.size(), area.label());
    if (study.size() < 2) {
      throw new InvalidParameterException("cellSize", "cells of " + cellSize.value() + " m leave " + study.size()
          + " cell(s) whose centre lies in " + area.label()
          + "; an analysis compares at least two: choose smaller cells");
    }
    AnalysisCost.stepCells(steps, study.size());
    double[] counts = study.counts(points.xs(), points.ys());
    ScaleOfAnalysis.Choice band = options.distanceBand() != null
        ? given(positive("distanceBand", options.distanceBand()))
        : ScaleOfAnalysis.distanceBand(study, counts);
    AnalysisCost.distanceBand(band.value(), cellSize.value());
    AnalysisCost.weights(study.size(), cellSize.value(), band.value(), includeSelf, options.distanceBand() != null,
        options.permutations());
    RequestDeadline.check();
    BinaryWeights weights = BinaryWeights.distanceBand(study, band.value(), includeSelf);
    RequestDeadline.check();
    long isolated = IntStream.range(0, study.size())
        .filter(cell -> weights.count(cell) <= (includeSelf ? 1 : 0)).count();
    if (isolated > 0) {
      warnings.add(isolated + " cells have no neighbour within " + band.value() + " m.");
    }
    parameters.put("cellSize", new ChosenParameter(cellSize.value(), cellSize.chosenBy()));
    parameters.put("distanceBand", new ChosenParameter(band.value(), band.chosenBy()));
    parameters.put("fdr", new ChosenParameter(options.fdr(), "given or default (true)"));
    parameters.put("permutations", new ChosenParameter(options.permutations(), options.permutations() == 0
        ? "analytic p-values" : "conditional randomisation"));
    parameters.put("seed", new ChosenParameter(options.seed(), "given or default"));
    parameters.put("incidents", new ChosenParameter(points.xs().length, "selected"));
    return new Grid(study, counts, weights, parameters, warnings);
  }

  private static ScaleOfAnalysis.Choice defaultCellSize(IncidentPoints points) {
    try {
      return ScaleOfAnalysis.cellSize(points.xs(), points.ys());
    } catch (IllegalArgumentException e) {
      throw new TooFewIncidentsException(points.xs().length);
    }
  }

  /** The values per municipality, with contiguity weights among the municipalities of the area. */
  private record Units(MunicipalityValues municipalities, BinaryWeights weights,
      Map<String, ChosenParameter> parameters, List<String> warnings) {

    double[] values() {
      return municipalities.values();
    }

    AnalysisReport report() {
      return HotspotService.report(values(), parameters, warnings);
    }
  }

  private Units municipalities(IncidentSelection selection, MunicipalityOptions options, boolean includeSelf) {
    AnalysisArea.Area area = area(selection);
    if (area.codes().size() < 3) {
      throw new InvalidParameterException("area", "a municipality-level analysis needs at least three "
          + "municipalities; choose a district or all");
    }
    Map<String, ChosenParameter> parameters = selectionParameters(selection, area);
    Map<String, Long> byCode = municipalityCounts.of(options.source(), selection, area, options.statisticCategory(),
        options.period());
    if (options.source() == CountSource.STATISTICS) {
      parameters.put("source", new ChosenParameter("statistics", "given"));
      parameters.put("period", new ChosenParameter(options.period(), "given"));
    } else {
      parameters.put("source", new ChosenParameter("incidents", "given or default"));
    }
    List<String> codes = area.codes();
    long[] counts = new long[codes.size()];
    double[] values = new double[codes.size()];
    for (int i = 0; i < codes.size(); i++) {
      counts[i] = byCode.getOrDefault(codes.get(i), 0L);
      values[i] = options.measure() == Measure.DENSITY
          ? counts[i] / (area.boundaries().get(codes.get(i)).getArea() / 1e6) : counts[i];
    }
    String measured = switch (options.measure()) {
      case COUNT -> "count";
      case DENSITY -> "count per km² of the municipality";
      case RATE, SMOOTHED_RATE -> {
        RateService.Rated rated = rates.per1000(codes, counts,
            rates.countYear(selection, options.source(), options.period()),
            options.measure() == Measure.RATE ? RateService.Smoothing.NONE : RateService.Smoothing.GLOBAL_EB);
        values = rated.per1000();
        yield (options.measure() == Measure.RATE ? "count" : "global empirical Bayes rate")
            + " per 1,000 inhabitants on 1 January " + rated.populationYear();
      }
    };
    int vintage = boundaries.newestVintage().orElseThrow();
    BinaryWeights weights = BinaryWeights.contiguity(codes, boundaries.contiguity(vintage)::neighbours, includeSelf);
    List<String> warnings = new ArrayList<>();
    for (int i = 0; i < codes.size(); i++) {
      if (weights.count(i) <= (includeSelf ? 1 : 0)) {
        warnings.add(codes.get(i) + " has no neighbour within the area.");
      }
    }
    if (Arrays.stream(counts).sum() < MIN_INCIDENTS) {
      warnings.add("Only " + Arrays.stream(counts).sum() + " incidents: at least " + MIN_INCIDENTS
          + " are needed for a reliable analysis.");
    }
    parameters.put("measure", new ChosenParameter(options.measure().name().toLowerCase(Locale.ROOT).replace('_', '-'),
        measured));
    parameters.put("weights", new ChosenParameter("queen contiguity", "municipalities sharing a border or corner"
        + (includeSelf ? ", each with itself" : "")));
    parameters.put("fdr", new ChosenParameter(options.fdr(), "given or default (true)"));
    parameters.put("permutations", new ChosenParameter(options.permutations(), "given or default"));
    parameters.put("seed", new ChosenParameter(options.seed(), "given or default"));
    MunicipalityValues municipalities = new MunicipalityValues(codes,
        codes.stream().map(code -> reference.municipality(code).orElseThrow().name()).toList(),
        codes.stream().map(area.boundaries()::get).toList(), counts, values);
    return new Units(municipalities, weights, parameters, warnings);
  }

  private AnalysisArea.Area area(IncidentSelection selection) {
    return resolve(areas, selection);
  }

  /** The area of a selection, or a 400 naming {@code area}. */
  static AnalysisArea.Area resolve(AnalysisArea areas, IncidentSelection selection) {
    try {
      return areas.resolve(selection.area());
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("area", e.getMessage());
    }
  }

  /** The report's parameters of any analysis of selected incidents: area, categories and period, as given or by default. */
  public static Map<String, ChosenParameter> selectionParameters(IncidentSelection selection, AnalysisArea.Area area) {
    Map<String, ChosenParameter> parameters = new LinkedHashMap<>();
    parameters.put("area", new ChosenParameter(area.label(), "given or default (all)"));
    parameters.put("categories", new ChosenParameter(selection.categories(), selection.categories().isEmpty()
        ? "all categories" : "given"));
    parameters.put("from", new ChosenParameter(text(selection.from()), "inclusive"));
    parameters.put("to", new ChosenParameter(text(selection.to()), "exclusive"));
    return parameters;
  }

  static AnalysisReport report(double[] values, Map<String, ChosenParameter> parameters, List<String> warnings) {
    double mean = Arrays.stream(values).average().orElse(Double.NaN);
    double variance = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).average().orElse(Double.NaN);
    return new AnalysisReport(values.length, finiteOrZero(mean), finiteOrZero(Math.sqrt(variance)), parameters,
        warnings);
  }

  private static void warnNoVariance(double[] statistic, List<String> warnings) {
    if (Arrays.stream(statistic).allMatch(Double::isNaN)) {
      warnings.add("The values have no variance (or no unit has neighbours): nothing can be tested.");
    }
  }

  private static ScaleOfAnalysis.Choice given(double value) {
    return new ScaleOfAnalysis.Choice(value, "given");
  }

  /** A given distance: positive and finite, or a 400 naming the parameter. */
  static double positive(String parameter, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new InvalidParameterException(parameter, parameter + " must be a positive number of metres");
    }
    return value;
  }

  private static double finiteOrZero(double value) {
    return Double.isFinite(value) ? value : 0;
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  static int threads() {
    return Runtime.getRuntime().availableProcessors();
  }
}
