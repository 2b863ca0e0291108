package nl.veiligheidskaart.service.hotspots;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.geodata.crs.CrsTransform;
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
import nl.veiligheidskaart.service.api.AnalysisFeatureCollection;
import nl.veiligheidskaart.service.api.AnalysisReport.ChosenParameter;
import nl.veiligheidskaart.service.api.AnalysisReport;
import nl.veiligheidskaart.service.api.Feature;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.geography.BoundaryIndexes;
import nl.veiligheidskaart.service.incidents.IncidentLocations;
import nl.veiligheidskaart.service.incidents.IncidentQuery;
import nl.veiligheidskaart.service.incidents.IncidentReadModel;
import nl.veiligheidskaart.service.limits.RequestDeadline;
import nl.veiligheidskaart.service.store.AreaStatisticEntity;
import nl.veiligheidskaart.service.store.AreaStatisticRepository;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hot spots (Gi*) and clusters and outliers (Local Moran's I), on an RD-aligned grid of incident
 * counts or per municipality. Reads the data, picks the defaults ArcGIS would, and hands arrays to
 * the pure analyses in {@code analysis}.
 */
@Service
@Transactional(readOnly = true)
public class HotspotService {

  /** ArcGIS asks at least this many incidents before it trusts a hot spot analysis. */
  static final int MIN_INCIDENTS = 30;
  /** Bounds the cost of one request: the 76 municipalities at 100 m are about 850 000 cells. */
  static final int MAX_CELLS = 1_000_000;
  static final int MAX_PERMUTATIONS = 9_999;
  /** Bounds the weights: a band of 30 cells gives each cell some 2 800 neighbours. */
  static final int MAX_BAND_IN_CELLS = 30;
  /** Bounds the weights' memory: 50 million neighbour pairs take 200 MB. */
  static final long MAX_NEIGHBOUR_PAIRS = 50_000_000;
  /**
   * Bounds the time of conditional randomisation: permutations × neighbour pairs. About 2·10⁹
   * draws a second were measured on two cores, so this is some ten seconds.
   */
  static final long MAX_PERMUTATION_DRAWS = 20_000_000_000L;
  static final double CLUSTER_ALPHA = 0.05;
  /** Ten years of weeks: the time steps of an emerging hot spot analysis. */
  static final int MAX_STEPS = 520;
  /** Bounds an emerging hot spot analysis's memory: z and bin per step and cell, 12 bytes each. */
  static final long MAX_STEP_CELLS = 5_000_000;
  /** Bounds its time: Gi* per step, a multiply-add per neighbour pair (some five seconds). */
  static final long MAX_STEP_PAIRS = 5_000_000_000L;
  /** Larger cells than this would hold all of Oost-Nederland in a handful. */
  static final double MAX_CELL_SIZE = 50_000;
  private static final GeometryFactory RD_NEW = new GeometryFactory(new PrecisionModel(), 28992);

  private final AnalysisArea areas;
  private final IncidentReadModel incidents;
  private final AreaStatisticRepository statistics;
  private final BoundaryIndexes boundaries;
  private final ReferenceGeography reference;

  HotspotService(AnalysisArea areas, IncidentReadModel incidents, AreaStatisticRepository statistics,
      BoundaryIndexes boundaries, ReferenceGeography reference) {
    this.areas = areas;
    this.incidents = incidents;
    this.statistics = statistics;
    this.boundaries = boundaries;
    this.reference = reference;
  }

  /** How the grid analyses are run; null cell size or band means: choose as ArcGIS would. */
  public record GridOptions(Double cellSize, Double distanceBand, boolean fdr, int permutations, long seed) {
  }

  /** Where the values per municipality come from: incidents (counts) or area statistics. */
  public enum Source {
    INCIDENTS, STATISTICS
  }

  /** Counts, or counts per km² of the municipality's area. */
  public enum Measure {
    COUNT, DENSITY
  }

  /** A municipality-level request; {@code category} and {@code period} apply to statistics. */
  public record MunicipalityOptions(Source source, Measure measure, String statisticCategory, String period,
      boolean fdr, int permutations, long seed) {
  }

  /** Gi* hot and cold spots on the grid. */
  public AnalysisFeatureCollection gridHotspots(IncidentSelection selection, GridOptions options, Crs crs) {
    Grid grid = grid(selection, options, true);
    double[] z = GetisOrdGiStar.zScores(grid.counts, grid.weights);
    double[] p = SignificanceBins.twoSidedP(z);
    double[] pseudoP = options.permutations() > 0
        ? ConditionalPermutation.pseudoP(grid.counts, grid.weights, options.permutations(), options.seed(), threads())
        : null;
    int[] bins = SignificanceBins.bins(pseudoP == null ? p : pseudoP, z, options.fdr());
    warnNoVariance(z, grid.warnings);
    List<Feature> features = new ArrayList<>(grid.area.size());
    for (int cell = 0; cell < grid.area.size(); cell++) {
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("cellId", cellId(grid.area, cell));
      properties.put("count", (long) grid.counts[cell]);
      properties.put("giZ", finite(z[cell]));
      properties.put("giP", finite(p[cell]));
      properties.put("giBin", bins[cell]);
      if (pseudoP != null) {
        properties.put("pseudoP", finite(pseudoP[cell]));
      }
      features.add(Feature.of(cellId(grid.area, cell), cellPolygon(grid.area, cell, crs), properties));
    }
    return AnalysisFeatureCollection.of(features, crs, report(grid.counts, grid.parameters, grid.warnings));
  }

  /** Local Moran's I clusters (HH, LL) and outliers (HL, LH) on the grid; significance by permutation. */
  public AnalysisFeatureCollection gridClusters(IncidentSelection selection, GridOptions options, Crs crs) {
    Grid grid = grid(selection, options, false);
    double[] localI = LocalMoran.statistics(grid.counts, grid.weights);
    double[] pseudoP = ConditionalPermutation.pseudoP(grid.counts, grid.weights, options.permutations(),
        options.seed(), threads());
    LocalMoran.Quadrant[] quadrants = LocalMoran.quadrants(grid.counts, grid.weights,
        SignificanceBins.significant(pseudoP, CLUSTER_ALPHA, options.fdr()));
    warnNoVariance(localI, grid.warnings);
    List<Feature> features = new ArrayList<>(grid.area.size());
    for (int cell = 0; cell < grid.area.size(); cell++) {
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("cellId", cellId(grid.area, cell));
      properties.put("count", (long) grid.counts[cell]);
      properties.put("localI", finite(localI[cell]));
      properties.put("pseudoP", finite(pseudoP[cell]));
      properties.put("cluster", label(quadrants[cell]));
      features.add(Feature.of(cellId(grid.area, cell), cellPolygon(grid.area, cell, crs), properties));
    }
    return AnalysisFeatureCollection.of(features, crs, report(grid.counts, grid.parameters, grid.warnings));
  }

  /** The time steps of an emerging hot spot analysis. */
  public enum Step {
    WEEK, MONTH
  }

  /**
   * Emerging hot spots: Gi* (FDR bins) per time step on one grid, the Mann–Kendall trend of each
   * cell's z-scores, and the ArcGIS category of each cell.
   */
  public AnalysisFeatureCollection emergingHotspots(IncidentSelection selection, Step step, GridOptions options,
      Crs crs) {
    if (selection.from() == null || selection.to() == null) {
      throw new InvalidParameterException(selection.from() == null ? "from" : "to",
          "an emerging hot spot analysis needs a period: give from and to");
    }
    List<Instant> starts = stepStarts(selection.from(), selection.to(), step);
    if (starts.size() > MAX_STEPS) {
      throw new InvalidParameterException("to", "the period holds more than " + MAX_STEPS + " "
          + step.name().toLowerCase(Locale.ROOT) + "s, the most an emerging hot spot analysis takes: shorten it"
          + (step == Step.WEEK ? " or take months" : ""));
    }
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
    Grid grid = grid(selection, area, new IncidentPoints(located.xs(), located.ys()), options, true);
    int steps = starts.size();
    int cells = grid.area.size();
    if ((long) steps * cells > MAX_STEP_CELLS) {
      throw new InvalidParameterException("to", steps + " time steps of " + cells + " cells are more than "
          + MAX_STEP_CELLS + " step cells: shorten the period, take months, or choose larger cells");
    }
    long pairs = IntStream.range(0, cells).mapToLong(grid.weights::count).sum();
    if (steps * pairs > MAX_STEP_PAIRS) {
      throw new InvalidParameterException("to", steps + " time steps of " + pairs + " neighbour pairs are more than "
          + MAX_STEP_PAIRS + ": shorten the period, take months, choose larger cells or a shorter band");
    }
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
    List<Feature> features = new ArrayList<>(cells);
    for (int cell = 0; cell < cells; cell++) {
      double[] series = new double[steps];
      int[] cellBins = new int[steps];
      for (int t = 0; t < steps; t++) {
        series[t] = Double.isNaN(z[t][cell]) ? 0 : z[t][cell];
        cellBins[t] = bins[t][cell];
      }
      MannKendall.Trend trend = MannKendall.test(series);
      EmergingHotSpots.Pattern pattern = EmergingHotSpots.classify(cellBins, trend);
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("cellId", cellId(grid.area, cell));
      properties.put("count", (long) grid.counts[cell]);
      properties.put("pattern", EmergingHotSpots.label(pattern));
      properties.put("trendZ", finite(trend.z()));
      properties.put("trendP", finite(trend.p()));
      properties.put("bins", cellBins);
      features.add(Feature.of(cellId(grid.area, cell), cellPolygon(grid.area, cell, crs), properties));
    }
    grid.parameters.put("step", new ChosenParameter(step.name().toLowerCase(Locale.ROOT), "given or default"));
    grid.parameters.put("steps", new ChosenParameter(starts.stream().map(Instant::toString).toList(),
        "start of each step (Europe/Amsterdam)"));
    grid.parameters.put("trendAlpha", new ChosenParameter(EmergingHotSpots.TREND_ALPHA, "Mann-Kendall on Gi* z"));
    return AnalysisFeatureCollection.of(features, crs, report(grid.counts, grid.parameters, grid.warnings));
  }

  /** Step starts from {@code from} (inclusive) while before {@code to}: weeks start on Monday, months on the 1st. */
  static List<Instant> stepStarts(Instant from, Instant to, Step step) {
    ZoneId amsterdam = ZoneId.of("Europe/Amsterdam");
    LocalDate day = from.atZone(amsterdam).toLocalDate();
    LocalDate first = step == Step.WEEK ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
        : day.withDayOfMonth(1);
    List<Instant> starts = new ArrayList<>();
    // One more than the most taken is enough to refuse the period, however far off its end lies.
    for (LocalDate start = first; start.atStartOfDay(amsterdam).toInstant().isBefore(to) && starts.size() <= MAX_STEPS;
        start = step == Step.WEEK ? start.plusWeeks(1) : start.plusMonths(1)) {
      starts.add(start.atStartOfDay(amsterdam).toInstant());
    }
    return starts;
  }

  /** Gi* per municipality, contiguity weights with the municipality itself included. */
  public AnalysisFeatureCollection municipalityHotspots(IncidentSelection selection, MunicipalityOptions options,
      Crs crs) {
    Units units = municipalities(selection, options, true);
    double[] z = GetisOrdGiStar.zScores(units.values, units.weights);
    double[] p = SignificanceBins.twoSidedP(z);
    double[] pseudoP = options.permutations() > 0
        ? ConditionalPermutation.pseudoP(units.values, units.weights, options.permutations(), options.seed(), threads())
        : null;
    int[] bins = SignificanceBins.bins(pseudoP == null ? p : pseudoP, z, options.fdr());
    warnNoVariance(z, units.warnings);
    return municipalityFeatures(units, crs, i -> {
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("giZ", finite(z[i]));
      properties.put("giP", finite(p[i]));
      properties.put("giBin", bins[i]);
      if (pseudoP != null) {
        properties.put("pseudoP", finite(pseudoP[i]));
      }
      return properties;
    });
  }

  /** Local Moran's I per municipality, contiguity weights row-standardised, self excluded. */
  public AnalysisFeatureCollection municipalityClusters(IncidentSelection selection, MunicipalityOptions options,
      Crs crs) {
    Units units = municipalities(selection, options, false);
    double[] localI = LocalMoran.statistics(units.values, units.weights);
    double[] pseudoP = ConditionalPermutation.pseudoP(units.values, units.weights, options.permutations(),
        options.seed(), threads());
    LocalMoran.Quadrant[] quadrants = LocalMoran.quadrants(units.values, units.weights,
        SignificanceBins.significant(pseudoP, CLUSTER_ALPHA, options.fdr()));
    warnNoVariance(localI, units.warnings);
    return municipalityFeatures(units, crs, i -> {
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("localI", finite(localI[i]));
      properties.put("pseudoP", finite(pseudoP[i]));
      properties.put("cluster", label(quadrants[i]));
      return properties;
    });
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
  }

  private Grid grid(IncidentSelection selection, GridOptions options, boolean includeSelf) {
    AnalysisArea.Area area = area(selection);
    return grid(selection, area, points(selection, area), options, includeSelf);
  }

  private Grid grid(IncidentSelection selection, AnalysisArea.Area area, IncidentPoints points, GridOptions options,
      boolean includeSelf) {
    if (options.permutations() < 0 || options.permutations() > MAX_PERMUTATIONS) {
      throw new InvalidParameterException("permutations", "permutations must lie between 0 and "
          + MAX_PERMUTATIONS);
    }
    List<String> warnings = new ArrayList<>();
    if (points.xs().length < MIN_INCIDENTS) {
      warnings.add("Only " + points.xs().length + " incidents: at least " + MIN_INCIDENTS
          + " are needed for a reliable hot spot analysis.");
    }
    Map<String, ChosenParameter> parameters = selectionParameters(selection, area);
    ScaleOfAnalysis.Choice cellSize = options.cellSize() != null ? given(positive("cellSize", options.cellSize()))
        : defaultCellSize(points);
    if (cellSize.value() > MAX_CELL_SIZE) {
      throw new InvalidParameterException("cellSize", "cells of " + cellSize.value() + " m are larger than "
          + MAX_CELL_SIZE + " m: choose smaller cells");
    }
    // The grid over the area's bounding box is counted before it is made: tiny cells would take all memory.
    Envelope extent = new Envelope();
    area.boundaries().values().forEach(boundary -> extent.expandToInclude(boundary.getEnvelopeInternal()));
    double boxCells = (extent.getWidth() / cellSize.value() + 2) * (extent.getHeight() / cellSize.value() + 2);
    if (boxCells > 4.0 * MAX_CELLS) {
      throw new InvalidParameterException("cellSize", "cells of " + cellSize.value() + " m give some "
          + Math.round(boxCells / 2) + " cells in " + area.label() + "; at most " + MAX_CELLS
          + " cells: choose larger cells");
    }
    StudyArea study = StudyArea.of(new SquareGrid(cellSize.value()), area.boundaries().values());
    if (study.size() > MAX_CELLS) {
      throw new InvalidParameterException("cellSize", "cells of " + cellSize.value() + " m give "
          + study.size() + " cells in " + area.label() + "; at most " + MAX_CELLS + " cells: choose larger cells");
    }
    if (study.size() < 2) {
      throw new InvalidParameterException("cellSize", "cells of " + cellSize.value() + " m leave " + study.size()
          + " cell(s) whose centre lies in " + area.label() + "; an analysis compares at least two: choose smaller cells");
    }
    double[] counts = study.counts(points.xs(), points.ys());
    ScaleOfAnalysis.Choice band = options.distanceBand() != null
        ? given(positive("distanceBand", options.distanceBand()))
        : ScaleOfAnalysis.distanceBand(study, counts);
    if (band.value() > MAX_BAND_IN_CELLS * cellSize.value()) {
      throw new InvalidParameterException("distanceBand", "a band of " + band.value() + " m is more than "
          + MAX_BAND_IN_CELLS + " cells of " + cellSize.value() + " m: choose a shorter band or larger cells");
    }
    long pairs = (long) study.size() * BinaryWeights.neighboursWithin(cellSize.value(), band.value(), includeSelf);
    if (pairs > MAX_NEIGHBOUR_PAIRS) {
      throw new InvalidParameterException(options.distanceBand() != null ? "distanceBand" : "cellSize",
          "a band of " + band.value() + " m over " + study.size() + " cells of " + cellSize.value() + " m gives up to "
              + pairs + " neighbour pairs; at most " + MAX_NEIGHBOUR_PAIRS + ": choose a shorter band or larger cells");
    }
    if (options.permutations() * pairs > MAX_PERMUTATION_DRAWS) {
      throw new InvalidParameterException("permutations", options.permutations() + " permutations of up to " + pairs
          + " neighbour pairs are more than " + MAX_PERMUTATION_DRAWS
          + " draws: choose fewer permutations, larger cells or a shorter band");
    }
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
      throw new InvalidParameterException("cellSize", "too few incidents to choose a cell size ("
          + points.xs().length + "); give cellSize");
    }
  }

  /** The values per municipality, with contiguity weights among the municipalities of the area. */
  private record Units(List<String> codes, Map<String, Geometry> boundaries, double[] values, long[] counts,
      BinaryWeights weights, Map<String, ChosenParameter> parameters, List<String> warnings) {
  }

  private Units municipalities(IncidentSelection selection, MunicipalityOptions options, boolean includeSelf) {
    AnalysisArea.Area area = area(selection);
    if (area.codes().size() < 3) {
      throw new InvalidParameterException("area", "a municipality-level analysis needs at least three "
          + "municipalities; choose a district or all");
    }
    Map<String, ChosenParameter> parameters = selectionParameters(selection, area);
    Map<String, Long> byCode;
    if (options.source() == Source.STATISTICS) {
      if (options.statisticCategory() == null || options.period() == null) {
        throw new InvalidParameterException(options.period() == null ? "period" : "category",
            "area statistics need one category (title or code, e.g. 1.1.1) and one period (e.g. 2018)");
      }
      byCode = new LinkedHashMap<>();
      for (AreaStatisticEntity cell : statistics.find(options.statisticCategory(), options.period(), null)) {
        byCode.merge(cell.getMunicipalityCode(), cell.getCount(), Long::sum);
      }
      parameters.put("source", new ChosenParameter("statistics", "given"));
      parameters.put("period", new ChosenParameter(options.period(), "given"));
    } else {
      byCode = incidents.countsByMunicipality(query(selection, area));
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
    parameters.put("measure", new ChosenParameter(options.measure().name().toLowerCase(Locale.ROOT),
        options.measure() == Measure.DENSITY ? "count per km² of the municipality" : "count"));
    parameters.put("weights", new ChosenParameter("queen contiguity", "municipalities sharing a border or corner"
        + (includeSelf ? ", each with itself" : "")));
    parameters.put("fdr", new ChosenParameter(options.fdr(), "given or default (true)"));
    parameters.put("permutations", new ChosenParameter(options.permutations(), "given or default"));
    parameters.put("seed", new ChosenParameter(options.seed(), "given or default"));
    return new Units(codes, area.boundaries(), values, counts, weights, parameters, warnings);
  }

  private AnalysisFeatureCollection municipalityFeatures(Units units, Crs crs,
      IntFunction<Map<String, Object>> results) {
    List<Feature> features = new ArrayList<>();
    for (int i = 0; i < units.codes().size(); i++) {
      String code = units.codes().get(i);
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("code", code);
      properties.put("name", reference.municipality(code).orElseThrow().name());
      properties.put("count", units.counts()[i]);
      properties.put("value", units.values()[i]);
      properties.putAll(results.apply(i));
      features.add(Feature.of(code, CrsTransform.transform(units.boundaries().get(code), Crs.RD_NEW, crs), properties));
    }
    return AnalysisFeatureCollection.of(features, crs, report(units.values(), units.parameters(), units.warnings()));
  }

  private AnalysisArea.Area area(IncidentSelection selection) {
    try {
      return areas.resolve(selection.area());
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("area", e.getMessage());
    }
  }

  private static Map<String, ChosenParameter> selectionParameters(IncidentSelection selection, AnalysisArea.Area area) {
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

  static String cellId(StudyArea area, int cell) {
    return (long) area.grid().cellSize() + "m_E" + area.column(cell) + "_N" + area.row(cell);
  }

  private static Geometry cellPolygon(StudyArea area, int cell, Crs crs) {
    Geometry square = RD_NEW.toGeometry(area.grid().cell(area.column(cell), area.row(cell)));
    return CrsTransform.transform(square, Crs.RD_NEW, crs);
  }

  private static String label(LocalMoran.Quadrant quadrant) {
    return quadrant == LocalMoran.Quadrant.NOT_SIGNIFICANT ? "not significant" : quadrant.name();
  }

  static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
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
