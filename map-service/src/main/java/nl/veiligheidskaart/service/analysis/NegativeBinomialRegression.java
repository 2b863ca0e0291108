package nl.veiligheidskaart.service.analysis;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * A negative binomial GLM with log link and an intercept, fitted as R's {@code MASS::glm.nb} does
 * (Venables &amp; Ripley): a Poisson GLM first, then by turns β by iteratively reweighted least squares
 * with θ held, and θ by maximum likelihood (Newton on the score, {@code theta.ml}) with the means
 * held, until the log-likelihood and θ stop changing. Var(y) = μ + μ²/θ.
 * <p>
 * Standard errors are those of {@code summary()}: the square roots of the diagonal of (XᵀWX)⁻¹ at the
 * fit, W = μ / (1 + μ/θ), dispersion 1; the p value is the two-sided Wald test on z = β / se; the
 * relative risk value of a predictor is exp(β).
 */
public final class NegativeBinomialRegression {

  /** {@code glm.control(epsilon = 1e-12)}: tighter than R's default 1e-8, so fits agree to 1e-6. */
  private static final double EPSILON = 1e-12;
  private static final int MAX_ITERATIONS = 100;
  /** {@code theta.ml}'s step tolerance, {@code .Machine$double.eps^0.25}. */
  private static final double THETA_STEP = Math.pow(Math.ulp(1.0), 0.25);
  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

  /**
   * A fitted model; arrays hold the intercept first, then the predictors in the order given.
   *
   * @param theta the dispersion parameter θ (shape)
   * @param thetaStandardError θ's standard error from the observed information
   * @param twiceLogLikelihood 2 ℓ, as {@code glm.nb}'s {@code twologlik}
   */
  public record Fit(double[] coefficients, double[] standardErrors, double[] z, double[] p, double theta,
      double thetaStandardError, double twiceLogLikelihood) {

    /** exp(β) of each predictor (index 1 … k), the intercept's (index 0) being the baseline count. */
    public double relativeRisk(int index) {
      return Math.exp(coefficients[index]);
    }
  }

  private NegativeBinomialRegression() {
  }

  /**
   * Fits counts on predictors.
   *
   * @param predictors {@code predictors[predictor][cell]}; an intercept is added
   * @throws IllegalArgumentException when the predictors are collinear (with each other or the intercept)
   */
  public static Fit fit(double[][] predictors, double[] counts) {
    int n = counts.length;
    int k = predictors.length + 1;
    double[][] x = new double[k][];
    x[0] = new double[n];
    Arrays.fill(x[0], 1);
    for (int j = 1; j < k; j++) {
      x[j] = predictors[j - 1];
      if (x[j].length != n) {
        throw new IllegalArgumentException("predictor " + (j - 1) + " has " + x[j].length + " values for " + n);
      }
    }
    for (double c : counts) {
      if (!(c >= 0)) {
        throw new IllegalArgumentException("counts must not be negative: " + c);
      }
    }
    // glm.fit's Poisson start: μ = y + 0.1
    double[] eta = new double[n];
    for (int i = 0; i < n; i++) {
      eta[i] = Math.log(counts[i] + 0.1);
    }
    Irls fit = irls(x, counts, eta, Double.POSITIVE_INFINITY);
    double[] mu = fit.mu();
    Theta theta = thetaMl(counts, mu);
    double d1 = Math.sqrt(2 * Math.max(1, n - k));
    double d2 = 1;
    double del = 1;
    double logLikelihood = logLikelihood(theta.value(), mu, counts);
    double previous = logLikelihood + 2 * d1;
    for (int iteration = 1; iteration <= MAX_ITERATIONS
        && Math.abs(previous - logLikelihood) / d1 + Math.abs(del) / d2 > EPSILON; iteration++) {
      for (int i = 0; i < n; i++) {
        eta[i] = Math.log(mu[i]);
      }
      fit = irls(x, counts, eta, theta.value());
      double before = theta.value();
      // as glm.nb: θ from the means before this round's fit
      theta = thetaMl(counts, mu);
      mu = fit.mu();
      del = before - theta.value();
      previous = logLikelihood;
      logLikelihood = logLikelihood(theta.value(), mu, counts);
    }
    double[] weights = new double[n];
    for (int i = 0; i < n; i++) {
      weights[i] = mu[i] / (1 + mu[i] / theta.value());
    }
    double[][] covariance = invert(crossProduct(x, weights));
    double[] se = new double[k];
    double[] z = new double[k];
    double[] p = new double[k];
    for (int j = 0; j < k; j++) {
      se[j] = Math.sqrt(covariance[j][j]);
      z[j] = fit.beta()[j] / se[j];
      p[j] = 2 * STANDARD_NORMAL.survivalProbability(Math.abs(z[j]));
    }
    return new Fit(fit.beta(), se, z, p, theta.value(), theta.standardError(), 2 * logLikelihood);
  }

  private record Irls(double[] beta, double[] mu) {
  }

  private record Theta(double value, double standardError) {
  }

  /**
   * glm.fit from a linear predictor: Poisson when θ is infinite, else negative binomial with θ
   * held; stops when the deviance changes by less than ε relative to |deviance| + 0.1.
   */
  private static Irls irls(double[][] x, double[] y, double[] start, double theta) {
    int n = y.length;
    int k = x.length;
    double[] eta = start.clone();
    double[] mu = new double[n];
    for (int i = 0; i < n; i++) {
      mu[i] = Math.exp(eta[i]);
    }
    double deviance = deviance(y, mu, theta);
    double[] beta = new double[k];
    double[] weights = new double[n];
    double[] working = new double[n];
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      for (int i = 0; i < n; i++) {
        weights[i] = Double.isInfinite(theta) ? mu[i] : mu[i] / (1 + mu[i] / theta);
        working[i] = eta[i] + (y[i] - mu[i]) / mu[i];
      }
      double[][] xtwx = crossProduct(x, weights);
      double[] xtwz = new double[k];
      for (int j = 0; j < k; j++) {
        double s = 0;
        for (int i = 0; i < n; i++) {
          s += x[j][i] * weights[i] * working[i];
        }
        xtwz[j] = s;
      }
      beta = solve(xtwx, xtwz);
      for (int i = 0; i < n; i++) {
        double e = 0;
        for (int j = 0; j < k; j++) {
          e += x[j][i] * beta[j];
        }
        eta[i] = e;
        mu[i] = Math.exp(e);
      }
      double previous = deviance;
      deviance = deviance(y, mu, theta);
      if (Math.abs(deviance - previous) / (Math.abs(deviance) + 0.1) < EPSILON) {
        break;
      }
    }
    return new Irls(beta, mu);
  }

  private static double deviance(double[] y, double[] mu, double theta) {
    double sum = 0;
    for (int i = 0; i < y.length; i++) {
      if (Double.isInfinite(theta)) {
        sum += PoissonElasticNet.poissonDeviance(y[i], mu[i]);
      } else {
        sum += 2 * (y[i] * Math.log(Math.max(1, y[i]) / mu[i])
            - (y[i] + theta) * Math.log((y[i] + theta) / (mu[i] + theta)));
      }
    }
    return sum;
  }

  /** MASS's {@code theta.ml}: Newton from the moment estimate n / Σ (y/μ − 1)². */
  private static Theta thetaMl(double[] y, double[] mu) {
    int n = y.length;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double d = y[i] / mu[i] - 1;
      sum += d * d;
    }
    double t = n / sum;
    double del = 1;
    double information = Double.NaN;
    for (int iteration = 1; iteration < MAX_ITERATIONS && Math.abs(del) > THETA_STEP; iteration++) {
      t = Math.abs(t);
      double score = 0;
      information = 0;
      for (int i = 0; i < n; i++) {
        double ty = t + y[i];
        double tm = t + mu[i];
        score += GammaFunctions.digamma(ty) - GammaFunctions.digamma(t) + Math.log(t) + 1 - Math.log(tm) - ty / tm;
        information += -GammaFunctions.trigamma(ty) + GammaFunctions.trigamma(t) - 1 / t + 2 / tm - ty / (tm * tm);
      }
      del = score / information;
      t += del;
    }
    if (!(t > 0)) {
      throw new IllegalArgumentException("θ has no positive maximum-likelihood estimate: the counts vary less "
          + "than a Poisson model's would");
    }
    return new Theta(t, Math.sqrt(1 / information));
  }

  private static double logLikelihood(double theta, double[] mu, double[] y) {
    double sum = 0;
    for (int i = 0; i < y.length; i++) {
      sum += GammaFunctions.logGamma(theta + y[i]) - GammaFunctions.logGamma(theta) - GammaFunctions.logGamma(y[i] + 1)
          + theta * Math.log(theta) + y[i] * Math.log(mu[i] + (y[i] == 0 ? 1 : 0))
          - (theta + y[i]) * Math.log(theta + mu[i]);
    }
    return sum;
  }

  private static double[][] crossProduct(double[][] x, double[] weights) {
    int k = x.length;
    double[][] product = new double[k][k];
    for (int a = 0; a < k; a++) {
      for (int b = 0; b <= a; b++) {
        double s = 0;
        for (int i = 0; i < weights.length; i++) {
          s += x[a][i] * weights[i] * x[b][i];
        }
        product[a][b] = s;
        product[b][a] = s;
      }
    }
    return product;
  }

  /** The lower Cholesky factor of a symmetric positive definite matrix. */
  private static double[][] cholesky(double[][] a) {
    int k = a.length;
    double[][] l = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j <= i; j++) {
        double s = a[i][j];
        for (int m = 0; m < j; m++) {
          s -= l[i][m] * l[j][m];
        }
        if (i == j) {
          // a pivot that vanished against the diagonal means a column is a combination of others
          if (!(s > 1e-10 * a[i][i])) {
            throw new IllegalArgumentException("the predictors are collinear (column " + i + ")");
          }
          l[i][i] = Math.sqrt(s);
        } else {
          l[i][j] = s / l[j][j];
        }
      }
    }
    return l;
  }

  private static double[] solve(double[][] a, double[] b) {
    double[][] l = cholesky(a);
    int k = b.length;
    double[] z = new double[k];
    for (int i = 0; i < k; i++) {
      double s = b[i];
      for (int m = 0; m < i; m++) {
        s -= l[i][m] * z[m];
      }
      z[i] = s / l[i][i];
    }
    double[] x = new double[k];
    for (int i = k - 1; i >= 0; i--) {
      double s = z[i];
      for (int m = i + 1; m < k; m++) {
        s -= l[m][i] * x[m];
      }
      x[i] = s / l[i][i];
    }
    return x;
  }

  private static double[][] invert(double[][] a) {
    int k = a.length;
    double[][] inverse = new double[k][];
    for (int j = 0; j < k; j++) {
      double[] unit = new double[k];
      unit[j] = 1;
      inverse[j] = solve(a, unit);
    }
    return inverse;
  }
}
