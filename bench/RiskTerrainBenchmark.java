import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import nl.veiligheidskaart.service.analysis.NegativeBinomialRegression;
import nl.veiligheidskaart.service.analysis.PoissonElasticNet;

/**
 * The risk terrain regressions on a synthetic design: 10 000 cells (a 100 × 100 grid) × 9 factor
 * columns (three layers of 30 random sites, proximity within 1, 2 and 3 cells), counts drawn from a
 * negative binomial model of two columns. Times 10-fold cross-validated elastic net (α = 0.5, the
 * folds written for R) and glm.nb of the chosen columns, median of 7 warm runs, and writes the
 * design and the answers for bench/risk-terrain.R.
 *
 *   java -cp CLASSPATH bench/RiskTerrainBenchmark.java WORK_DIR
 */
public class RiskTerrainBenchmark {

  static final int SIDE = 100;
  static final int LAYERS = 3;
  static final int SITES = 30;
  static final int[] DISTANCES = {1, 2, 3};

  public static void main(String[] args) throws IOException {
    Path work = Path.of(args[0]);
    SplittableRandom random = new SplittableRandom(20261203);
    int n = SIDE * SIDE;
    double[][] x = new double[LAYERS * DISTANCES.length][n];
    for (int layer = 0; layer < LAYERS; layer++) {
      for (int s = 0; s < SITES; s++) {
        int sx = random.nextInt(SIDE);
        int sy = random.nextInt(SIDE);
        for (int d = 0; d < DISTANCES.length; d++) {
          for (int i = 0; i < n; i++) {
            int dx = i % SIDE - sx;
            int dy = i / SIDE - sy;
            if (dx * dx + dy * dy <= DISTANCES[d] * DISTANCES[d]) {
              x[layer * DISTANCES.length + d][i] = 1;
            }
          }
        }
      }
    }
    double[] y = new double[n];
    double theta = 2;
    for (int i = 0; i < n; i++) {
      double mu = Math.exp(-1 + 0.9 * x[0][i] + 0.4 * x[4][i]);
      // a negative binomial draw: Poisson with a gamma-distributed mean (shape θ, mean μ)
      y[i] = poisson(random, gamma(random, theta) * mu / theta);
    }
    int[] folds = PoissonElasticNet.folds(n, 10, 42);
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(work.resolve("design.csv")))) {
      StringBuilder header = new StringBuilder();
      for (int j = 0; j < x.length; j++) {
        header.append("x").append(j + 1).append(',');
      }
      out.println(header + "y,foldid");
      for (int i = 0; i < n; i++) {
        StringBuilder row = new StringBuilder();
        for (double[] column : x) {
          row.append((int) column[i]).append(',');
        }
        out.println(row.toString() + (int) y[i] + "," + (folds[i] + 1));
      }
    }
    double[] cvTimes = new double[7];
    double[] nbTimes = new double[7];
    PoissonElasticNet.CrossValidation cv = null;
    NegativeBinomialRegression.Fit fit = null;
    int[] chosen = null;
    for (int run = -3; run < 7; run++) {
      long start = System.nanoTime();
      cv = PoissonElasticNet.crossValidate(x, y, 0.5, folds);
      long middle = System.nanoTime();
      double[] beta = cv.path().coefficients()[cv.oneStandardError()];
      chosen = java.util.stream.IntStream.range(0, beta.length).filter(j -> beta[j] != 0).toArray();
      double[][] columns = Arrays.stream(chosen).mapToObj(j -> x[j]).toArray(double[][]::new);
      fit = NegativeBinomialRegression.fit(columns, y);
      long end = System.nanoTime();
      if (run >= 0) {
        cvTimes[run] = (middle - start) / 1e6;
        nbTimes[run] = (end - middle) / 1e6;
      }
    }
    Arrays.sort(cvTimes);
    Arrays.sort(nbTimes);
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(work.resolve("java-answers.csv")))) {
      out.println("lambdas,lambda_1se,chosen," + "theta");
      out.println(cv.path().lambdas().length + "," + cv.path().lambdas()[cv.oneStandardError()] + ","
          + String.join(";", Arrays.stream(chosen).mapToObj(j -> "x" + (j + 1)).toList()) + "," + fit.theta());
    }
    System.out.printf("cells %d, columns %d, lambdas %d, chosen %s, theta %.6f%n", n, x.length,
        cv.path().lambdas().length, Arrays.toString(Arrays.stream(chosen).map(j -> j + 1).toArray()), fit.theta());
    System.out.printf("java cv.glmnet median %.1f ms%n", cvTimes[3]);
    System.out.printf("java glm.nb median %.1f ms%n", nbTimes[3]);
  }

  static double poisson(SplittableRandom random, double mean) {
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int k = 0;
    while (product > limit) {
      product *= random.nextDouble();
      k++;
    }
    return k;
  }

  /** Gamma(shape, 1) by Marsaglia and Tsang (shape ≥ 1). */
  static double gamma(SplittableRandom random, double shape) {
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double z;
      double v;
      do {
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
        v = 1 + c * z;
      } while (v <= 0);
      v = v * v * v;
      double u = random.nextDouble();
      if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
        return d * v;
      }
    }
  }
}
