package nl.veiligheidskaart.service.analysis;

/**
 * log Γ, digamma ψ and trigamma ψ′ for positive arguments, which the negative binomial likelihood
 * needs: the argument is raised above {@link #ASYMPTOTIC} by the recurrences Γ(x + 1) = x Γ(x),
 * ψ(x + 1) = ψ(x) + 1/x, ψ′(x + 1) = ψ′(x) − 1/x², then the asymptotic (Stirling) series are
 * summed; the first left-out terms are below 10⁻¹⁴ there.
 */
final class GammaFunctions {

  private static final double ASYMPTOTIC = 10;
  private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

  private GammaFunctions() {
  }

  static double logGamma(double x) {
    double shift = 1;
    while (x < ASYMPTOTIC) {
      shift *= x;
      x += 1;
    }
    double inverse = 1 / x;
    double inverse2 = inverse * inverse;
    double series = inverse * (1.0 / 12 - inverse2 * (1.0 / 360 - inverse2 * (1.0 / 1260 - inverse2
        * (1.0 / 1680 - inverse2 / 1188))));
    return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + series - Math.log(shift);
  }

  static double digamma(double x) {
    double shift = 0;
    while (x < ASYMPTOTIC) {
      shift -= 1 / x;
      x += 1;
    }
    double inverse2 = 1 / (x * x);
    double series = inverse2 * (1.0 / 12 - inverse2 * (1.0 / 120 - inverse2 * (1.0 / 252 - inverse2
        * (1.0 / 240 - inverse2 * (1.0 / 132)))));
    return shift + Math.log(x) - 0.5 / x - series;
  }

  static double trigamma(double x) {
    double shift = 0;
    while (x < ASYMPTOTIC) {
      shift += 1 / (x * x);
      x += 1;
    }
    double inverse = 1 / x;
    double inverse2 = inverse * inverse;
    double series = inverse * (1 + inverse * (0.5 + inverse * (1.0 / 6 - inverse2 * (1.0 / 30 - inverse2
        * (1.0 / 42 - inverse2 * (1.0 / 30 - inverse2 * 5.0 / 66))))));
    return shift + series;
  }
}
