package nl.veiligheidskaart.service.demo;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/** A fixed list of options, drawn with probabilities proportional to their weights. */
final class WeightedChoice<T> {

  private final List<T> options;
  private final double[] cumulative;

  private WeightedChoice(List<T> options, double[] cumulative) {
    this.options = options;
    this.cumulative = cumulative;
  }

  /**
   * @throws IllegalArgumentException if there are no options, a weight is negative or not finite,
   *     or all weights are zero
   */
  static <T> WeightedChoice<T> of(List<T> options, ToDoubleFunction<T> weight) {
    double[] cumulative = new double[options.size()];
    double total = 0;
    for (int i = 0; i < options.size(); i++) {
      double w = weight.applyAsDouble(options.get(i));
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException("Weight of " + options.get(i) + " must be finite and >= 0, was " + w);
      }
      total += w;
      cumulative[i] = total;
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException("At least one option needs a positive weight: " + options);
    }
    return new WeightedChoice<>(List.copyOf(options), cumulative);
  }

  T pick(SplittableRandom random) {
    double u = random.nextDouble() * cumulative[cumulative.length - 1];
    // a linear scan: the lists are short (at most the 76 municipalities)
    for (int i = 0; i < cumulative.length; i++) {
      if (u < cumulative[i]) {
        return options.get(i);
      }
    }
    return options.get(options.size() - 1); // u rounded up to the total
  }
}
