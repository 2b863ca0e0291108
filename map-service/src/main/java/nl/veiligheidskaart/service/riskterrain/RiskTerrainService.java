package nl.veiligheidskaart.service.riskterrain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.veiligheidskaart.service.analysis.NegativeBinomialRegression;
import nl.veiligheidskaart.service.analysis.PoissonElasticNet;
import nl.veiligheidskaart.service.analysis.RiskFactorColumns;
import nl.veiligheidskaart.service.analysis.SquareGrid;
import nl.veiligheidskaart.service.analysis.StudyArea;
import nl.veiligheidskaart.service.api.AnalysisReport;
import nl.veiligheidskaart.service.api.AnalysisReport.ChosenParameter;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.hotspots.AnalysisArea;
import nl.veiligheidskaart.service.hotspots.HotspotService;
import nl.veiligheidskaart.service.hotspots.IncidentSelection;
import nl.veiligheidskaart.service.hotspots.StudyGrid;
import nl.veiligheidskaart.service.incidents.IncidentLocations;
import nl.veiligheidskaart.service.incidents.IncidentQuery;
import nl.veiligheidskaart.service.incidents.IncidentReadModel;
import nl.veiligheidskaart.service.limits.RequestDeadline;
import nl.veiligheidskaart.service.riskterrain.RiskFactor.Operationalisation;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Service;

/**
 * Risk terrain modelling as RTMDx does it (Caplan &amp; Kennedy 2016): each asked layer becomes 0/1
 * columns per cell, as proximity and as density at 1, 2 and 3 cell sizes; a cross-validated
 * elastic-net Poisson regression of the incident counts on all columns chooses the factors (at
 * λ.1se, the largest penalty within one standard error of the best held-out deviance, which keeps
 * the model small; of a layer only its strongest column, and only columns that raise the risk); a
 * negative binomial GLM of the chosen columns gives their coefficients, relative risk values and p.
 */
@Service
public class RiskTerrainService {

  static final double DEFAULT_CELL_SIZE = 250;
  /** Fewer incidents leave folds of the cross-validation without any, and a model resting on chance. */
  static final int MIN_INCIDENTS = 30;
  static final int[] DISTANCES_IN_CELLS = {1, 2, 3};

  private final AnalysisArea areas;
  private final IncidentReadModel incidents;
  private final RiskFactorLayers layers;

  RiskTerrainService(AnalysisArea areas, IncidentReadModel incidents, RiskFactorLayers layers) {
    this.areas = areas;
    this.incidents = incidents;
    this.layers = layers;
  }

  /**
   * How a risk terrain is run.
   *
   * @param cellSize null for {@value #DEFAULT_CELL_SIZE} m
   * @param factors the layer names; empty for every layer there is
   * @param alpha the elastic net's mixing parameter; null for {@link PoissonElasticNet#DEFAULT_ALPHA}
   * @param seed deals the cells into the cross-validation's folds
   */
  public record Options(Double cellSize, List<String> factors, Double alpha, long seed) {
  }

  /** The layers a request may name. */
  public List<String> layerNames() {
    return layers.names();
  }

  public RiskTerrain riskTerrain(IncidentSelection selection, Options options) {
    double cellSize = options.cellSize() == null ? DEFAULT_CELL_SIZE : options.cellSize();
    RiskTerrainCost.cellSize(cellSize);
    double alpha = options.alpha() == null ? PoissonElasticNet.DEFAULT_ALPHA : options.alpha();
    if (!(alpha > 0 && alpha <= 1)) {
      throw new InvalidParameterException("alpha", "alpha must lie in (0, 1], not " + alpha);
    }
    List<String> names = options.factors() == null || options.factors().isEmpty() ? layers.names()
        : options.factors().stream().map(String::strip).distinct().toList();
    RiskTerrainCost.factors(names.size());
    int columnCount = names.size() * 2 * DISTANCES_IN_CELLS.length;
    AnalysisArea.Area area = area(selection);
    Envelope extent = new Envelope();
    area.boundaries().values().forEach(boundary -> extent.expandToInclude(boundary.getEnvelopeInternal()));
    RiskTerrainCost.gridExtent(cellSize, extent, columnCount, area.label());
    Map<String, List<Geometry>> locations = layers.locations(names);
    locations.forEach((name, found) -> {
      if (found == null) {
        throw new InvalidParameterException("factors", "'" + name + "' is no risk layer; there are "
            + String.join(", ", layers.names()));
      }
    });
    StudyArea study = StudyArea.of(new SquareGrid(cellSize), area.boundaries().values());
    RiskTerrainCost.cellColumns(cellSize, study.size(), columnCount, area.label());
    if (study.size() < 10 * PoissonElasticNet.DEFAULT_FOLDS) {
      throw new InvalidParameterException("cellSize", "cells of " + cellSize + " m leave " + study.size()
          + " cells in " + area.label() + "; a risk terrain needs at least " + 10 * PoissonElasticNet.DEFAULT_FOLDS
          + ": choose smaller cells or a larger area");
    }
    IncidentLocations located = incidents.locations(new IncidentQuery(selection.categories(), selection.from(),
        selection.to(), Set.copyOf(area.codes())));
    double[] counts = study.counts(located.xs(), located.ys());
    double total = Arrays.stream(counts).sum();
    if (total < MIN_INCIDENTS) {
      throw new InvalidParameterException("category", (long) total + " incidents of this selection lie in "
          + area.label() + "; a risk terrain model needs at least " + MIN_INCIDENTS
          + ": widen the selection (categories, period or area)");
    }
    RequestDeadline.check();

    List<Column> columns = new ArrayList<>();
    for (String name : names) {
      for (int multiple : DISTANCES_IN_CELLS) {
        double distance = multiple * cellSize;
        columns.add(new Column(name, Operationalisation.PROXIMITY, distance,
            RiskFactorColumns.proximity(study, locations.get(name), distance)));
        columns.add(new Column(name, Operationalisation.DENSITY, distance,
            RiskFactorColumns.density(study, locations.get(name), distance)));
      }
    }
    RequestDeadline.check();
    double[][] predictors = columns.stream().map(Column::values).toArray(double[][]::new);
    int[] folds = PoissonElasticNet.folds(study.size(), PoissonElasticNet.DEFAULT_FOLDS, options.seed());
    PoissonElasticNet.CrossValidation cv = PoissonElasticNet.crossValidate(predictors, counts, alpha, folds);
    RequestDeadline.check();
    int chosenLambda = cv.oneStandardError();
    double[] beta = cv.path().coefficients()[chosenLambda];
    // of each layer its strongest column that raises the risk, by the coefficient on the standardised scale
    Map<String, Integer> strongest = new LinkedHashMap<>();
    for (int j = 0; j < columns.size(); j++) {
      if (beta[j] > 0) {
        double strength = beta[j] * standardDeviation(predictors[j]);
        Integer best = strongest.get(columns.get(j).layer());
        if (best == null || strength > beta[best] * standardDeviation(predictors[best])) {
          strongest.put(columns.get(j).layer(), j);
        }
      }
    }
    List<Integer> chosen = List.copyOf(strongest.values());
    List<String> warnings = new ArrayList<>();
    List<RiskFactor> factors = new ArrayList<>();
    double[] logRisk = new double[study.size()];
    NegativeBinomialRegression.Fit fit = null;
    if (!chosen.isEmpty()) {
      fit = NegativeBinomialRegression.fit(chosen.stream().map(j -> predictors[j]).toArray(double[][]::new), counts);
      List<RiskFactor> unranked = new ArrayList<>();
      for (int k = 0; k < chosen.size(); k++) {
        Column column = columns.get(chosen.get(k));
        unranked.add(new RiskFactor(0, column.layer(), column.operationalisation(), column.distance(),
            fit.coefficients()[k + 1], fit.standardErrors()[k + 1], fit.relativeRisk(k + 1), fit.p()[k + 1]));
        for (int cell = 0; cell < study.size(); cell++) {
          logRisk[cell] += fit.coefficients()[k + 1] * predictors[chosen.get(k)][cell];
        }
      }
      unranked.sort(Comparator.comparingDouble(RiskFactor::relativeRiskValue).reversed());
      for (int r = 0; r < unranked.size(); r++) {
        RiskFactor f = unranked.get(r);
        factors.add(new RiskFactor(r + 1, f.layer(), f.operationalisation(), f.distance(), f.coefficient(),
            f.standardError(), f.relativeRiskValue(), f.p()));
      }
    } else {
      warnings.add("No layer explains the incidents better than chance at the chosen penalty: every cell has "
          + "relative risk 1.");
    }
    int[][] factorsOf = new int[study.size()][];
    double[] relativeRisk = new double[study.size()];
    for (int cell = 0; cell < study.size(); cell++) {
      relativeRisk[cell] = Math.exp(logRisk[cell]);
      List<Integer> present = new ArrayList<>();
      for (int r = 0; r < factors.size(); r++) {
        RiskFactor factor = factors.get(r);
        int column = chosen.stream().filter(j -> columns.get(j).layer().equals(factor.layer())).findFirst()
            .orElseThrow();
        if (predictors[column][cell] > 0) {
          present.add(r);
        }
      }
      factorsOf[cell] = present.stream().mapToInt(Integer::intValue).toArray();
    }
    List<String> notChosen = names.stream().filter(name -> !strongest.containsKey(name)).toList();
    for (String name : names) {
      if (locations.get(name).isEmpty()) {
        warnings.add("The layer " + name + " holds no locations.");
      }
    }
    Map<String, ChosenParameter> parameters = HotspotService.selectionParameters(selection, area);
    parameters.put("cellSize", new ChosenParameter(cellSize, options.cellSize() == null ? "default" : "given"));
    parameters.put("factors", new ChosenParameter(names, options.factors() == null || options.factors().isEmpty()
        ? "every risk layer" : "given"));
    parameters.put("distances", new ChosenParameter(Arrays.stream(DISTANCES_IN_CELLS).mapToObj(m -> m * cellSize)
        .toList(), "1, 2 and 3 cell sizes"));
    parameters.put("operationalisations", new ChosenParameter(List.of("proximity", "density"),
        "centre within the distance; quartic density with that bandwidth above its mean"));
    parameters.put("alpha", new ChosenParameter(alpha, options.alpha() == null ? "default (elastic net, half lasso)"
        : "given"));
    parameters.put("folds", new ChosenParameter(PoissonElasticNet.DEFAULT_FOLDS, "cross-validation, cells dealt by seed"));
    parameters.put("seed", new ChosenParameter(options.seed(), "given or default"));
    parameters.put("lambda", new ChosenParameter(cv.path().lambdas()[chosenLambda],
        "lambda.1se: the largest λ within one standard error of the smallest held-out Poisson deviance"));
    if (fit != null) {
      parameters.put("theta", new ChosenParameter(fit.theta(), "negative binomial dispersion, maximum likelihood"));
    }
    parameters.put("incidents", new ChosenParameter((long) total, "selected, in the cells"));
    double mean = total / study.size();
    double variance = Arrays.stream(counts).map(c -> (c - mean) * (c - mean)).sum() / study.size();
    AnalysisReport report = new AnalysisReport(study.size(), mean, Math.sqrt(variance), parameters, warnings);
    return new RiskTerrain(new StudyGrid(study, counts), List.copyOf(factors), notChosen, relativeRisk, factorsOf,
        report);
  }

  private record Column(String layer, Operationalisation operationalisation, double distance, double[] values) {
  }

  private static double standardDeviation(double[] values) {
    double mean = Arrays.stream(values).average().orElse(0);
    return Math.sqrt(Arrays.stream(values).map(v -> (v - mean) * (v - mean)).average().orElse(0));
  }

  private AnalysisArea.Area area(IncidentSelection selection) {
    try {
      return areas.resolve(selection.area());
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("area", e.getMessage());
    }
  }
}
