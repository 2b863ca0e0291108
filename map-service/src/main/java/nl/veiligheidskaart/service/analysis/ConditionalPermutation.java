package nl.veiligheidskaart.service.analysis;

import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Permutation inference by conditional randomisation (Anselin 1995): for each unit its own value
 * stays, and its neighbours' values are drawn at random, without replacement, from all other units;
 * the pseudo p-value is (M + 1) / (P + 1), with M the permutations at least as extreme as the
 * observation on its side (folded, as PySAL does).
 *
 * <p>Gi* and Local Moran's I are monotone in the neighbours' sum for fixed x_i, so that sum is
 * what gets compared. Each unit draws from its own random stream, seeded from the seed and the unit's number, so
 * the result is the same for any number of threads.
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
    double[] p = new double[n];
    int maxNeighbours = IntStream.range(0, n).map(weights::count).max().orElse(0);
    ThreadLocal<int[]> scratch = ThreadLocal.withInitial(() -> new int[maxNeighbours]);
    Runnable work = () -> IntStream.range(0, n).parallel().forEach(i -> p[i] = unit(i, x, weights, permutations,
        seed, scratch.get()));
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      pool.submit(work).get();
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

  private static double unit(int i, double[] x, BinaryWeights weights, int permutations, long seed, int[] drawn) {
    int n = x.length;
    int k = weights.count(i) - (weights.includesSelf(i) ? 1 : 0);
    if (k <= 0 || k > n - 1) {
      return Double.NaN;
    }
    double observed = weights.lag(i, x) - (weights.includesSelf(i) ? x[i] : 0);
    SplittableRandom random = new SplittableRandom(mix(seed, i));
    int atLeast = 0;
    for (int permutation = 0; permutation < permutations; permutation++) {
      // Floyd's algorithm: k distinct positions among the n - 1 other units, in O(k²) without an n-sized array.
      double sum = 0;
      int count = 0;
      for (int j = n - 1 - k; j < n - 1; j++) {
        int candidate = random.nextInt(j + 1);
        int position = contains(drawn, count, candidate) ? j : candidate;
        drawn[count++] = position;
        sum += x[position < i ? position : position + 1];
      }
      if (sum >= observed) {
        atLeast++;
      }
    }
    int extreme = Math.min(atLeast, permutations - atLeast);
    return (extreme + 1.0) / (permutations + 1.0);
  }

  private static boolean contains(int[] values, int count, int value) {
    for (int v = 0; v < count; v++) {
      if (values[v] == value) {
        return true;
      }
    }
    return false;
  }

  /** A well-spread seed per unit (SplitMix64 finaliser), independent of the order units are done in. */
  static long mix(long seed, int unit) {
    long z = seed + 0x9E3779B97F4A7C15L * (unit + 1L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
