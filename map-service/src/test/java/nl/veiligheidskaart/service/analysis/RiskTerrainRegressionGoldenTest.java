package nl.veiligheidskaart.service.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The risk terrain regressions against R (tools/rtm-golden.R, glmnet 4.1-6 and MASS 7.3-58 from
 * Debian 12) on 240 cells with six 0/1 predictors, counts drawn from a negative binomial model of two
 * of them: the elastic-net Poisson path at fixed λ and on glmnet's own λ sequence, the 5-fold
 * cross-validation with R's {@code foldid} at that sequence, and {@code glm.nb} of three predictors; equal to 1e-6.
 */
class RiskTerrainRegressionGoldenTest {

  private static final double TOLERANCE = 1e-6;
  private static final int PREDICTORS = 6;

  private record Design(double[][] predictors, double[] counts, int[] folds) {
    double[][] columns(int... indexes) {
      double[][] columns = new double[indexes.length][];
      for (int k = 0; k < indexes.length; k++) {
        columns[k] = predictors[indexes[k]];
      }
      return columns;
    }
  }

  private static Design design() throws Exception {
    List<String[]> rows = LocalStatisticsGoldenTest.golden("rtm/design.csv");
    double[][] predictors = new double[PREDICTORS][rows.size()];
    double[] counts = new double[rows.size()];
    int[] folds = new int[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      for (int j = 0; j < PREDICTORS; j++) {
        predictors[j][i] = Double.parseDouble(rows.get(i)[j]);
      }
      counts[i] = Double.parseDouble(rows.get(i)[PREDICTORS]);
      folds[i] = Integer.parseInt(rows.get(i)[PREDICTORS + 1]) - 1;
    }
    return new Design(predictors, counts, folds);
  }

  private static List<String[]> rowsOf(String file, double alpha) throws Exception {
    return LocalStatisticsGoldenTest.golden("rtm/" + file).stream()
        .filter(row -> Double.parseDouble(row[0]) == alpha).toList();
  }

  @Test
  void lassoPathAtFixedLambdasEqualsGlmnet() throws Exception {
    assertFixedLambdaPath(1);
  }

  @Test
  void elasticNetPathAtFixedLambdasEqualsGlmnet() throws Exception {
    assertFixedLambdaPath(0.5);
  }

  private static void assertFixedLambdaPath(double alpha) throws Exception {
    Design design = design();
    List<String[]> rows = rowsOf("glmnet-fixed-lambda-path.csv", alpha);
    double[] lambdas = rows.stream().mapToDouble(r -> Double.parseDouble(r[1])).toArray();
    PoissonElasticNet.Path path = PoissonElasticNet.fit(design.predictors(), design.counts(), alpha, lambdas);
    assertThat(rows).hasSize(20);
    for (int l = 0; l < rows.size(); l++) {
      String[] row = rows.get(l);
      assertThat(path.intercepts()[l]).as("intercept at λ %s", row[1]).isCloseTo(Double.parseDouble(row[2]), within(TOLERANCE));
      for (int j = 0; j < PREDICTORS; j++) {
        assertThat(path.coefficients()[l][j]).as("β%d at λ %s", j + 1, row[1])
            .isCloseTo(Double.parseDouble(row[3 + j]), within(TOLERANCE));
      }
    }
  }

  @Test
  void ownLambdaSequenceAndEarlyStopEqualGlmnet() throws Exception {
    Design design = design();
    for (double alpha : new double[] {1, 0.5}) {
      List<String[]> rows = rowsOf("glmnet-lambda-sequence.csv", alpha);
      PoissonElasticNet.Path path = PoissonElasticNet.fit(design.predictors(), design.counts(), alpha);
      assertThat(path.lambdas()).as("path length, α = %s", alpha).hasSize(rows.size());
      for (int l = 0; l < rows.size(); l++) {
        assertThat(path.lambdas()[l]).isCloseTo(Double.parseDouble(rows.get(l)[2]), within(1e-12));
        assertThat(path.devianceRatios()[l]).as("deviance ratio %d, α = %s", l, alpha)
            .isCloseTo(Double.parseDouble(rows.get(l)[3]), within(TOLERANCE));
      }
    }
  }

  @Test
  void crossValidationWithRsFoldsEqualsCvGlmnet() throws Exception {
    Design design = design();
    for (double alpha : new double[] {1, 0.5}) {
      List<String[]> rows = rowsOf("glmnet-cross-validation.csv", alpha);
      String[] chosen = rowsOf("glmnet-chosen-lambda.csv", alpha).get(0);
      PoissonElasticNet.CrossValidation cv = PoissonElasticNet.crossValidate(design.predictors(), design.counts(),
          alpha, design.folds());
      assertThat(cv.meanDeviance()).hasSize(rows.size());
      for (int l = 0; l < rows.size(); l++) {
        assertThat(cv.meanDeviance()[l]).as("cvm %d, α = %s", l, alpha)
            .isCloseTo(Double.parseDouble(rows.get(l)[2]), within(TOLERANCE));
        assertThat(cv.standardError()[l]).as("cvsd %d, α = %s", l, alpha)
            .isCloseTo(Double.parseDouble(rows.get(l)[3]), within(TOLERANCE));
      }
      double[] lambdas = cv.path().lambdas();
      assertThat(lambdas[cv.minimum()]).as("lambda.min").isCloseTo(Double.parseDouble(chosen[1]), within(1e-12));
      assertThat(lambdas[cv.oneStandardError()]).as("lambda.1se").isCloseTo(Double.parseDouble(chosen[2]), within(1e-12));
    }
  }

  @Test
  void negativeBinomialGlmEqualsGlmNb() throws Exception {
    Design design = design();
    NegativeBinomialRegression.Fit fit = NegativeBinomialRegression.fit(design.columns(0, 2, 4), design.counts());
    List<String[]> rows = LocalStatisticsGoldenTest.golden("rtm/glm-nb-coefficients.csv");
    for (int j = 0; j < rows.size(); j++) {
      String[] row = rows.get(j);
      assertThat(fit.coefficients()[j]).as("β %s", row[0]).isCloseTo(Double.parseDouble(row[1]), within(TOLERANCE));
      assertThat(fit.standardErrors()[j]).as("se %s", row[0]).isCloseTo(Double.parseDouble(row[2]), within(TOLERANCE));
      assertThat(fit.z()[j]).as("z %s", row[0]).isCloseTo(Double.parseDouble(row[3]), within(TOLERANCE));
      assertThat(fit.p()[j]).as("p %s", row[0]).isCloseTo(Double.parseDouble(row[4]), within(TOLERANCE));
    }
    String[] theta = LocalStatisticsGoldenTest.golden("rtm/glm-nb-theta.csv").get(0);
    assertThat(fit.theta()).isCloseTo(Double.parseDouble(theta[0]), within(TOLERANCE));
    assertThat(fit.thetaStandardError()).isCloseTo(Double.parseDouble(theta[1]), within(TOLERANCE));
    assertThat(fit.twiceLogLikelihood()).isCloseTo(Double.parseDouble(theta[2]), within(TOLERANCE));
    assertThat(fit.relativeRisk(1)).isCloseTo(Math.exp(Double.parseDouble(rows.get(1)[1])), within(TOLERANCE));
  }

  @Test
  void gammaFunctionsMeetKnownValues() {
    assertThat(GammaFunctions.logGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-13));
    assertThat(GammaFunctions.logGamma(101)).isCloseTo(363.73937555556347, within(1e-11));
    assertThat(GammaFunctions.digamma(1)).isCloseTo(-0.57721566490153286, within(1e-13));
    assertThat(GammaFunctions.trigamma(1)).isCloseTo(Math.PI * Math.PI / 6, within(1e-13));
    assertThat(GammaFunctions.trigamma(0.5)).isCloseTo(Math.PI * Math.PI / 2, within(1e-13));
  }

  @Test
  void foldsAreSeededAndBalanced() {
    int[] folds = PoissonElasticNet.folds(103, 10, 42);
    assertThat(PoissonElasticNet.folds(103, 10, 42)).isEqualTo(folds);
    assertThat(PoissonElasticNet.folds(103, 10, 43)).isNotEqualTo(folds);
    int[] sizes = new int[10];
    for (int f : folds) {
      sizes[f]++;
    }
    assertThat(sizes).containsOnly(10, 11);
  }

  @Test
  void refusesWhatItCannotFit() {
    double[][] one = {{0, 1, 0, 1}};
    assertThatThrownBy(() -> PoissonElasticNet.fit(one, new double[] {0, 0, 0, 0}, 0.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one count");
    assertThatThrownBy(() -> PoissonElasticNet.fit(one, new double[] {0, 1, 0, 2}, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alpha");
    double[][] twins = {{0, 1, 0, 1, 1, 0}, {0, 1, 0, 1, 1, 0}};
    assertThatThrownBy(() -> NegativeBinomialRegression.fit(twins, new double[] {0, 3, 1, 2, 5, 0}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("collinear");
  }
}
