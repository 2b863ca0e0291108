package nl.veiligheidskaart.service.analysis;

/**
 * Rates of small areas, raw and smoothed by empirical Bayes: a municipality with few inhabitants
 * has a raw rate that jumps with a handful of cases, so its rate is drawn towards a reference rate
 * the more, the less its own population can say. Counts {@code r_i} and populations at risk
 * {@code n_i > 0}; every rate here is per inhabitant (multiply by 1,000 for the usual figure).
 *
 * <p>Raw: {@code x_i = r_i / n_i}.
 *
 * <p>Global (Marshall 1991, method of moments; R spdep {@code EBest(r, n, family = "poisson")}):
 * <pre>
 *   b   = Σ r / Σ n                                  (the overall rate)
 *   s²  = Σ n_i (x_i − b)² / Σ n
 *   a   = max(0, s² − b / n̄),  n̄ = Σ n / N           (the variance between areas)
 *   EB_i = b + (x_i − b) · a / (a + b / n_i)
 * </pre>
 *
 * <p>Local (R spdep {@code EBlocal(r, n, nb, geoda = FALSE)}), each area with its neighbours
 * {@code J_i} (binary weights that include the area itself):
 * <pre>
 *   m_i = Σ_{j∈J_i} r_j / Σ_{j∈J_i} n_j              (the neighbourhood's rate)
 *   C_i = Σ_{j∈J_i} n_j (x_j − m_j)²                  (each neighbour against its own m_j)
 *   a_i = max(0, C_i / Σ_{j∈J_i} n_j − m_i / n̄_i),  n̄_i = mean of n_j over J_i
 *   EB_i = m_i + (x_i − m_i) · a_i / (a_i + m_i / n_i)
 * </pre>
 * {@code C_i} takes each neighbour's deviation from its own neighbourhood rate {@code m_j}, as
 * spdep does with {@code geoda = FALSE} (with {@code geoda = TRUE} it would be {@code m_i}).
 * Where the reference rate is 0 and there is no variance between areas ({@code a + b/n_i = 0}),
 * spdep answers NaN; here the smoothed rate is then the reference rate itself (0), which is what
 * the shrinkage tends to.
 */
public final class EmpiricalBayesRates {

  private EmpiricalBayesRates() {
  }

  /** {@code x_i = r_i / n_i}. */
  public static double[] raw(double[] counts, double[] population) {
    check(counts, population);
    double[] rates = new double[counts.length];
    for (int i = 0; i < counts.length; i++) {
      rates[i] = counts[i] / population[i];
    }
    return rates;
  }

  /** Global empirical Bayes rates towards the overall rate, as spdep's {@code EBest} (Poisson). */
  public static double[] global(double[] counts, double[] population) {
    double[] x = raw(counts, population);
    int areas = counts.length;
    double countSum = 0;
    double populationSum = 0;
    for (int i = 0; i < areas; i++) {
      countSum += counts[i];
      populationSum += population[i];
    }
    double b = countSum / populationSum;
    double s2 = 0;
    for (int i = 0; i < areas; i++) {
      s2 += population[i] * ((x[i] - b) * (x[i] - b) / populationSum);
    }
    double a = Math.max(0, s2 - b / (populationSum / areas));
    double[] smoothed = new double[areas];
    for (int i = 0; i < areas; i++) {
      smoothed[i] = shrink(x[i], b, a, population[i]);
    }
    return smoothed;
  }

  /**
   * Local empirical Bayes rates towards each area's neighbourhood rate, as spdep's {@code EBlocal}
   * with {@code geoda = FALSE}.
   *
   * @param neighbours the areas' neighbours, each area among its own ({@code includeSelf})
   */
  public static double[] local(double[] counts, double[] population, BinaryWeights neighbours) {
    double[] x = raw(counts, population);
    int areas = counts.length;
    if (neighbours.size() != areas) {
      throw new IllegalArgumentException("weights for " + neighbours.size() + " areas, rates of " + areas);
    }
    double[] m = new double[areas];
    for (int i = 0; i < areas; i++) {
      if (!neighbours.includesSelf(i)) {
        throw new IllegalArgumentException("area " + i + " must be among its own neighbours");
      }
      m[i] = neighbours.lag(i, counts) / neighbours.lag(i, population);
    }
    double[] deviation = new double[areas];
    for (int j = 0; j < areas; j++) {
      deviation[j] = population[j] * (x[j] - m[j]) * (x[j] - m[j]);
    }
    double[] smoothed = new double[areas];
    for (int i = 0; i < areas; i++) {
      double populationSum = neighbours.lag(i, population);
      double meanPopulation = populationSum / neighbours.count(i);
      double a = Math.max(0, neighbours.lag(i, deviation) / populationSum - m[i] / meanPopulation);
      smoothed[i] = shrink(x[i], m[i], a, population[i]);
    }
    return smoothed;
  }

  /** {@code reference + (rate − reference) · a / (a + reference / n)}. */
  private static double shrink(double rate, double reference, double a, double population) {
    double denominator = a + reference / population;
    return denominator == 0 ? reference : reference + (rate - reference) * (a / denominator);
  }

  private static void check(double[] counts, double[] population) {
    if (counts.length != population.length) {
      throw new IllegalArgumentException(counts.length + " counts but " + population.length + " populations");
    }
    for (int i = 0; i < counts.length; i++) {
      if (!(population[i] > 0) || !(counts[i] >= 0)) {
        throw new IllegalArgumentException("area " + i + ": population must be > 0 and the count ≥ 0, not "
            + population[i] + " and " + counts[i]);
      }
    }
  }
}
