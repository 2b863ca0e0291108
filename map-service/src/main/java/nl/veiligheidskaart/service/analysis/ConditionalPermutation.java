package nl.veiligheidskaart.service.analysis;

import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Permutation inference by conditional randomisation (Anselin 1995): for each unit its own value
 * stays, and its neighbours' values are drawn at random, without replacement, from all other units;
 * the pseudo p-value is (M + 1) / (P + 1), with M the permutations at least as extreme as the
 * observation on its side (folded).
 *
 * <p>Gi* and Local Moran's I are monotone in the neighbours' sum for fixed x_i, so that sum is what
 * gets compared. As in PySAL's {@code crand}, each permutation draws its random positions once,
 * k_max distinct positions among n − 1, and every unit reads the first k of them, skipping itself;
 * the draws come from the seed alone, so the result is the same for any number of threads.
 */
public final class ConditionalPermutation {

  private ConditionalPermutation() {
  }

  /**
   * Pseudo p-values of the neighbour sums Σ_{j∈N(i), j≠i} x_j.
   *
   * @param permutations P, e.g. 999
   * @param threads how many threads to use; does not change the result
   */
  public static double[] pseudoP(double[] x, BinaryWeights weights, int permutations, long seed, int threads) {
    int n = x.length;
    int maxNeighbours = IntStream.range(0, n).map(i -> others(weights, i)).max().orElse(0);
    int[][] positions = drawPositions(n - 1, Math.min(maxNeighbours, n - 1), permutations, seed);
    double[] p = new double[n];
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      pool.submit(() -> IntStream.range(0, n).parallel().forEach(i -> p[i] = unit(i, x, weights, positions)))
          .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("permutation inference interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdown();
    }
    return p;
  }

  private static double unit(int i, double[] x, BinaryWeights weights, int[][] positions) {
    int k = others(weights, i);
    if (k <= 0 || k > x.length - 1) {
      return Double.NaN;
    }
    double observed = weights.lag(i, x) - (weights.includesSelf(i) ? x[i] : 0);
    int permutations = positions.length;
    int atLeast = 0;
    for (int[] drawn : positions) {
      double sum = 0;
      for (int d = 0; d < k; d++) {
        int position = drawn[d];
        sum += x[position < i ? position : position + 1];
      }
      if (sum >= observed) {
        atLeast++;
      }
    }
    int extreme = Math.min(atLeast, permutations - atLeast);
    return (extreme + 1.0) / (permutations + 1.0);
  }

  /** Per permutation, {@code k} distinct positions in [0, m), by Floyd's algorithm, from the seed. */
  static int[][] drawPositions(int m, int k, int permutations, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[][] positions = new int[permutations][k];
    for (int[] drawn : positions) {
      int count = 0;
      for (int j = m - k; j < m; j++) {
        int candidate = random.nextInt(j + 1);
        drawn[count] = contains(drawn, count, candidate) ? j : candidate;
        count++;
      }
      // Floyd's set is not in random order; shuffle so that the first k of them are a random subset too.
      for (int d = count - 1; d > 0; d--) {
        int swap = random.nextInt(d + 1);
        int held = drawn[d];
        drawn[d] = drawn[swap];
        drawn[swap] = held;
      }
    }
    return positions;
  }

  private static int others(BinaryWeights weights, int unit) {
    return weights.count(unit) - (weights.includesSelf(unit) ? 1 : 0);
  }

  private static boolean contains(int[] values, int count, int value) {
    for (int v = 0; v < count; v++) {
      if (values[v] == value) {
        return true;
      }
    }
    return false;
  }
}
