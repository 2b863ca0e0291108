package nl.veiligheidskaart.service.analysis;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Poisson regression with the elastic-net penalty, as R glmnet (Friedman, Hastie &amp; Tibshirani 2010)
 * fits it with {@code family = "poisson"}: for each λ it minimises
 * <pre>
 *   (1/n) Σᵢ (exp ηᵢ − yᵢ ηᵢ) + λ Σⱼ ((1 − α)/2 · β̃ⱼ² + α |β̃ⱼ|),    ηᵢ = β₀ + Σⱼ x̃ᵢⱼ β̃ⱼ
 * </pre>
 * over predictors standardised to mean 0 and variance 1 (variance with divisor n), the intercept
 * unpenalised, by coordinate descent inside iteratively reweighted least squares, warm-started along
 * the path; coefficients are answered on the predictors' own scale. A constant predictor is left out
 * (coefficient 0), as glmnet does.
 * <p>
 * glmnet's own λ sequence: λ_max = maxⱼ |(1/n) Σᵢ x̃ᵢⱼ (yᵢ − ȳ)| / max(α, 0.001), the smallest λ_max ·
 * 0.0001 (0.01 when there are fewer cells than predictors), 100 values evenly spaced on the log scale;
 * the path stops early, as glmnet's does for Poisson, once the fraction of deviance explained grew by
 * less than 10⁻⁴ (relatively) over the last five λ, or passed 0.999.
 * <p>
 * Cross-validation as {@code cv.glmnet(foldid = …, lambda = glmnet(…)$lambda)}: each fold is fitted on
 * the other folds at exactly the full data's λ sequence (not, as {@code cv.glmnet} does when no λ is
 * given, along the fold's own sequence with coefficients interpolated between its λ), its mean
 * Poisson deviance on the held-out cells is taken, and the folds are averaged weighted by their size;
 * the standard error is that of the weighted fold means.
 */
public final class PoissonElasticNet {

  /**
   * The mixing parameter used unless another is asked for: half lasso, half ridge. The ridge half
   * keeps groups of correlated predictors (one risk layer at neighbouring distances) together rather
   * than picking one of them by chance, while the lasso half still sets most coefficients to zero.
   */
  public static final double DEFAULT_ALPHA = 0.5;
  public static final int DEFAULT_FOLDS = 10;
  private static final int LAMBDAS = 100;
  private static final int MIN_LAMBDAS_BEFORE_STOP = 5;
  /** glmnet's {@code fdev} (10⁻⁵), multiplied by ten for Poisson as glmnet does. */
  private static final double DEVIANCE_GAIN_STOP = 1e-4;
  private static final double DEVIANCE_RATIO_STOP = 0.999;
  /**
   * Convergence as glmnet judges it: a coordinate descent pass, and an IRLS round, are done when no
   * coefficient's weighted squared change (Σ wᵢ x̃ᵢⱼ² · Δβ̃ⱼ²) exceeds this times the null deviance
   * (per cell, halved). glmnet's default is 10⁻⁷; this is what the golden tests ran R with, so the
   * answer is the optimum itself to far below 10⁻⁶.
   */
  private static final double THRESHOLD = 1e-14;
  private static final int MAX_PASSES = 100_000;

  /**
   * A fitted path.
   *
   * @param lambdas λ, decreasing
   * @param intercepts β₀ at each λ
   * @param coefficients β at each λ on the predictors' own scale: {@code coefficients[λ][predictor]}
   * @param devianceRatios the fraction of the null deviance explained at each λ
   */
  public record Path(double[] lambdas, double[] intercepts, double[][] coefficients, double[] devianceRatios) {
  }

  /**
   * The cross-validation curve and the two customary choices of λ.
   *
   * @param path the fit on all cells over the λ sequence
   * @param meanDeviance mean held-out Poisson deviance at each λ
   * @param standardError its standard error at each λ
   * @param minimum the index of λ.min: the largest λ with the smallest mean deviance
   * @param oneStandardError the index of λ.1se: the largest λ whose mean deviance is within one
   *     standard error of the smallest
   */
  public record CrossValidation(Path path, double[] meanDeviance, double[] standardError, int minimum,
      int oneStandardError) {
  }

  private PoissonElasticNet() {
  }

  /** The path over glmnet's own λ sequence, stopping early as glmnet does. */
  public static Path fit(double[][] predictors, double[] counts, double alpha) {
    return new Problem(predictors, counts, alpha).path(null);
  }

  /** The path at the given λ (in the order given; decreasing is fastest), without stopping early. */
  public static Path fit(double[][] predictors, double[] counts, double alpha, double[] lambdas) {
    return new Problem(predictors, counts, alpha).path(lambdas);
  }

  /**
   * K-fold cross-validation over the λ sequence of the fit on all cells.
   *
   * @param predictors {@code predictors[predictor][cell]}
   * @param folds the fold of each cell, numbered 0 … K − 1 (see {@link #folds})
   */
  public static CrossValidation crossValidate(double[][] predictors, double[] counts, double alpha, int[] folds) {
    Path full = fit(predictors, counts, alpha);
    int foldCount = Arrays.stream(folds).max().orElse(-1) + 1;
    if (foldCount < 3) {
      throw new IllegalArgumentException("cross-validation needs at least 3 folds, not " + foldCount);
    }
    int lambdas = full.lambdas().length;
    double[][] foldDeviance = new double[foldCount][lambdas];
    double[] foldSize = new double[foldCount];
    for (int fold = 0; fold < foldCount; fold++) {
      int held = 0;
      for (int f : folds) {
        held += f == fold ? 1 : 0;
      }
      if (held == 0 || held == counts.length) {
        throw new IllegalArgumentException("fold " + fold + " must hold some cells but not all");
      }
      Path path = fit(subset(predictors, folds, fold, false), subset(counts, folds, fold, false), alpha,
          full.lambdas());
      double[][] heldPredictors = subset(predictors, folds, fold, true);
      double[] heldCounts = subset(counts, folds, fold, true);
      for (int l = 0; l < lambdas; l++) {
        double sum = 0;
        for (int i = 0; i < held; i++) {
          double eta = path.intercepts()[l];
          for (int j = 0; j < heldPredictors.length; j++) {
            eta += path.coefficients()[l][j] * heldPredictors[j][i];
          }
          sum += poissonDeviance(heldCounts[i], Math.exp(eta));
        }
        foldDeviance[fold][l] = sum / held;
      }
      foldSize[fold] = held;
    }
    double total = Arrays.stream(foldSize).sum();
    double[] mean = new double[lambdas];
    double[] standardError = new double[lambdas];
    for (int l = 0; l < lambdas; l++) {
      double m = 0;
      for (int fold = 0; fold < foldCount; fold++) {
        m += foldSize[fold] * foldDeviance[fold][l];
      }
      m /= total;
      double squares = 0;
      for (int fold = 0; fold < foldCount; fold++) {
        double d = foldDeviance[fold][l] - m;
        squares += foldSize[fold] * d * d;
      }
      mean[l] = m;
      standardError[l] = Math.sqrt(squares / total / (foldCount - 1));
    }
    // λ decreases along the path, so the first index reaching a bound is the largest such λ
    int minimum = 0;
    for (int l = 1; l < lambdas; l++) {
      if (mean[l] < mean[minimum]) {
        minimum = l;
      }
    }
    double bound = mean[minimum] + standardError[minimum];
    int oneStandardError = 0;
    while (mean[oneStandardError] > bound) {
      oneStandardError++;
    }
    return new CrossValidation(full, mean, standardError, minimum, oneStandardError);
  }

  /**
   * Cells dealt into {@code k} folds of equal size (±1) in an order drawn from {@code seed}, as
   * {@code sample(rep(1:k, length.out = n))} does in R: the same seed gives the same folds.
   */
  public static int[] folds(int cells, int k, long seed) {
    int[] folds = new int[cells];
    for (int i = 0; i < cells; i++) {
      folds[i] = i % k;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = cells - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = folds[i];
      folds[i] = folds[j];
      folds[j] = swap;
    }
    return folds;
  }

  /** 2 (y log(y/μ) − (y − μ)), with y log y = 0 at y = 0. */
  static double poissonDeviance(double y, double mu) {
    return 2 * ((y > 0 ? y * Math.log(y / mu) : 0) - (y - mu));
  }

  private static double[][] subset(double[][] predictors, int[] folds, int fold, boolean held) {
    double[][] subset = new double[predictors.length][];
    for (int j = 0; j < predictors.length; j++) {
      subset[j] = subset(predictors[j], folds, fold, held);
    }
    return subset;
  }

  private static double[] subset(double[] values, int[] folds, int fold, boolean held) {
    int size = 0;
    for (int f : folds) {
      size += (f == fold) == held ? 1 : 0;
    }
    double[] subset = new double[size];
    int k = 0;
    for (int i = 0; i < values.length; i++) {
      if ((folds[i] == fold) == held) {
        subset[k++] = values[i];
      }
    }
    return subset;
  }

  /**
   * One data set, solved at one λ after the other from the last solution. The predictors are kept
   * as their non-zero entries and standardised implicitly: with x̃ᵢⱼ = (xᵢⱼ − mⱼ)/sⱼ the linear
   * predictor is c + Σⱼ xᵢⱼ β̃ⱼ/sⱼ with c = β₀ − Σⱼ mⱼ β̃ⱼ/sⱼ, so a coordinate step touches only the
   * cells where its predictor is not zero (most cells lie near no risk location) and the sums over
   * all cells it needs are kept up to date. The steps are glmnet's, on the standardised predictors.
   */
  private static final class Problem {
    private final int n;
    private final int p;
    private final double alpha;
    private final double[] y;
    /** per predictor, the cells where it is not zero, and its values there */
    private final int[][] cells;
    private final double[][] values;
    private final double[] means;
    private final double[] scales;
    private final boolean[] used;
    private final double meanCount;
    private final double nullLogLikelihood;
    private final double saturatedLogLikelihood;
    /** {@link #THRESHOLD} × the null deviance per cell (halved), as glmnet scales it. */
    private final double tolerance;
    /** β̃, the coefficients of the standardised predictors */
    private final double[] beta;
    /** c, the intercept on the predictors' own scale */
    private double intercept;
    private final double[] eta;

    Problem(double[][] predictors, double[] counts, double alpha) {
      if (!(alpha > 0 && alpha <= 1)) {
        throw new IllegalArgumentException("alpha must lie in (0, 1], not " + alpha);
      }
      this.n = counts.length;
      this.p = predictors.length;
      this.alpha = alpha;
      this.y = counts;
      double sum = 0;
      double saturated = 0;
      for (double c : counts) {
        if (!(c >= 0)) {
          throw new IllegalArgumentException("counts must not be negative: " + c);
        }
        sum += c;
        saturated += c > 0 ? c * Math.log(c) - c : 0;
      }
      if (sum == 0) {
        throw new IllegalArgumentException("a Poisson regression needs at least one count above zero");
      }
      meanCount = sum / n;
      nullLogLikelihood = n * (meanCount * Math.log(meanCount) - meanCount);
      saturatedLogLikelihood = saturated;
      tolerance = THRESHOLD * (saturatedLogLikelihood - nullLogLikelihood) / n;
      cells = new int[p][];
      values = new double[p][];
      means = new double[p];
      scales = new double[p];
      used = new boolean[p];
      for (int j = 0; j < p; j++) {
        double[] x = predictors[j];
        if (x.length != n) {
          throw new IllegalArgumentException("predictor " + j + " has " + x.length + " values for " + n + " counts");
        }
        int nonZero = 0;
        double mean = 0;
        for (double v : x) {
          nonZero += v != 0 ? 1 : 0;
          mean += v;
        }
        mean /= n;
        double variance = 0;
        for (double v : x) {
          variance += (v - mean) * (v - mean);
        }
        cells[j] = new int[nonZero];
        values[j] = new double[nonZero];
        for (int i = 0, k = 0; i < n; i++) {
          if (x[i] != 0) {
            cells[j][k] = i;
            values[j][k++] = x[i];
          }
        }
        means[j] = mean;
        scales[j] = Math.sqrt(variance / n);
        used[j] = scales[j] > 0;
      }
      intercept = Math.log(meanCount);
      beta = new double[p];
      eta = new double[n];
      Arrays.fill(eta, intercept);
    }

    Path path(double[] given) {
      double[] lambdas = given != null ? given.clone() : ownSequence();
      int count = lambdas.length;
      double[] intercepts = new double[count];
      double[][] coefficients = new double[count][];
      double[] ratios = new double[count];
      int fitted = 0;
      for (int m = 0; m < count; m++) {
        solve(lambdas[m]);
        double[] original = new double[p];
        for (int j = 0; j < p; j++) {
          original[j] = used[j] ? beta[j] / scales[j] : 0;
        }
        intercepts[m] = intercept;
        coefficients[m] = original;
        ratios[m] = devianceRatio();
        fitted = m + 1;
        if (given == null && fitted >= MIN_LAMBDAS_BEFORE_STOP
            && ((ratios[m] - ratios[m - MIN_LAMBDAS_BEFORE_STOP + 1]) / ratios[m] < DEVIANCE_GAIN_STOP
                || ratios[m] > DEVIANCE_RATIO_STOP)) {
          break;
        }
      }
      return new Path(Arrays.copyOf(lambdas, fitted), Arrays.copyOf(intercepts, fitted),
          Arrays.copyOf(coefficients, fitted), Arrays.copyOf(ratios, fitted));
    }

    private double[] ownSequence() {
      double largest = 0;
      for (int j = 0; j < p; j++) {
        if (!used[j]) {
          continue;
        }
        // Σᵢ x̃ᵢⱼ (yᵢ − ȳ) = Σᵢ xᵢⱼ (yᵢ − ȳ) / sⱼ, as Σᵢ (yᵢ − ȳ) = 0
        double gradient = 0;
        for (int k = 0; k < cells[j].length; k++) {
          gradient += values[j][k] * (y[cells[j][k]] - meanCount);
        }
        largest = Math.max(largest, Math.abs(gradient / scales[j] / n));
      }
      double lambdaMax = largest / Math.max(alpha, 1e-3);
      double ratio = n < p ? 0.01 : 1e-4;
      double step = Math.pow(ratio, 1.0 / (LAMBDAS - 1));
      double[] lambdas = new double[LAMBDAS];
      for (int m = 0; m < LAMBDAS; m++) {
        lambdas[m] = lambdaMax * Math.pow(step, m);
      }
      return lambdas;
    }

    /** (ℓ − ℓ_null) / (ℓ_saturated − ℓ_null), the fraction of the null deviance explained. */
    private double devianceRatio() {
      double logLikelihood = 0;
      for (int i = 0; i < n; i++) {
        logLikelihood += y[i] * eta[i] - Math.exp(eta[i]);
      }
      return (logLikelihood - nullLogLikelihood) / (saturatedLogLikelihood - nullLogLikelihood);
    }

    /** One round's weighted least squares problem, with the sums a coordinate step needs. */
    private final class Round {
      final double[] w = new double[n];
      /** r̂ᵢ = zᵢ − Σⱼ xᵢⱼ β̃ⱼ/sⱼ: the working response less the predictors' part (so r = r̂ − c) */
      final double[] partial = new double[n];
      /** Σ wᵢ, Σ wᵢ r̂ᵢ; per predictor Σ wᵢ xᵢⱼ and Σ wᵢ x̃ᵢⱼ² */
      double weightSum;
      double partialSum;
      final double[] weightedSum = new double[p];
      final double[] xv = new double[p];

      Round() {
        for (int i = 0; i < n; i++) {
          double mu = Math.exp(eta[i]);
          w[i] = mu / n;
          partial[i] = intercept + (y[i] - mu) / mu;
          weightSum += w[i];
          partialSum += w[i] * partial[i];
        }
        for (int j = 0; j < p; j++) {
          if (used[j]) {
            double sx = 0;
            double sxx = 0;
            for (int k = 0; k < cells[j].length; k++) {
              double wx = w[cells[j][k]] * values[j][k];
              sx += wx;
              sxx += wx * values[j][k];
            }
            weightedSum[j] = sx;
            xv[j] = (sxx - 2 * means[j] * sx + means[j] * means[j] * weightSum) / (scales[j] * scales[j]);
          }
        }
      }
    }

    /** IRLS: each round a penalised weighted least squares problem solved by coordinate descent. */
    private void solve(double lambda) {
      double l1 = lambda * alpha;
      double l2 = lambda * (1 - alpha);
      double[] previous = new double[p];
      for (int round = 0; round < MAX_PASSES; round++) {
        Round r = new Round();
        double previousIntercept = intercept;
        System.arraycopy(beta, 0, previous, 0, p);
        int passes = 0;
        while (cycle(r, l1, l2, true) > tolerance) {
          while (cycle(r, l1, l2, false) > tolerance) {
            if (++passes > MAX_PASSES) {
              throw new IllegalStateException("coordinate descent did not converge at λ = " + lambda);
            }
          }
        }
        Arrays.fill(eta, intercept);
        for (int j = 0; j < p; j++) {
          if (beta[j] != 0) {
            double g = beta[j] / scales[j];
            for (int k = 0; k < cells[j].length; k++) {
              eta[cells[j][k]] += g * values[j][k];
            }
          }
        }
        // the intercept is compared on the standardised scale, where glmnet steps it
        double centredChange = intercept - previousIntercept;
        for (int j = 0; j < p; j++) {
          if (used[j]) {
            centredChange += means[j] * (beta[j] - previous[j]) / scales[j];
          }
        }
        double change = r.weightSum * centredChange * centredChange;
        for (int j = 0; j < p; j++) {
          double d = beta[j] - previous[j];
          change = Math.max(change, r.xv[j] * d * d);
        }
        if (change <= tolerance) {
          return;
        }
      }
      throw new IllegalStateException("the elastic net did not converge at λ = " + lambda);
    }

    /**
     * One pass over all predictors (or over the non-zero ones), then the intercept; answers the
     * largest weighted squared change.
     */
    private double cycle(Round r, double l1, double l2, boolean all) {
      double largest = 0;
      for (int j = 0; j < p; j++) {
        if (!used[j] || (!all && beta[j] == 0)) {
          continue;
        }
        int[] at = cells[j];
        double[] x = values[j];
        double dot = 0;
        for (int k = 0; k < at.length; k++) {
          dot += r.w[at[k]] * x[k] * r.partial[at[k]];
        }
        // Σ wᵢ x̃ᵢⱼ rᵢ with rᵢ = r̂ᵢ − c, from the sums over the predictor's cells and over all cells
        double gradient = (dot - intercept * r.weightedSum[j] - means[j] * (r.partialSum - intercept * r.weightSum))
            / scales[j];
        double old = beta[j];
        double u = gradient + r.xv[j] * old;
        double updated = Math.signum(u) * Math.max(Math.abs(u) - l1, 0) / (r.xv[j] + l2);
        if (updated != old) {
          double d = updated - old;
          beta[j] = updated;
          double g = d / scales[j];
          for (int k = 0; k < at.length; k++) {
            r.partial[at[k]] -= g * x[k];
          }
          r.partialSum -= g * r.weightedSum[j];
          intercept -= means[j] * g;
          largest = Math.max(largest, r.xv[j] * d * d);
        }
      }
      double d = (r.partialSum - intercept * r.weightSum) / r.weightSum;
      if (d != 0) {
        intercept += d;
        largest = Math.max(largest, r.weightSum * d * d);
      }
      return largest;
    }
  }
}
