package nl.veiligheidskaart.service.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The quartic kernel against R spatstat {@code density.ppp(kernel = "quartic", at = "points")}:
 * spatstat's sigma is the kernel's standard deviation, sigma = h / √8 for support radius h.
 */
class KernelDensityGoldenTest {

  @Test
  void quarticDensityAtThePointsEqualsSpatstat() throws Exception {
    List<String[]> rows = LocalStatisticsGoldenTest.golden("quartic-density-500m.csv");
    double[] xs = rows.stream().mapToDouble(r -> Double.parseDouble(r[0])).toArray();
    double[] ys = rows.stream().mapToDouble(r -> Double.parseDouble(r[1])).toArray();

    for (int i = 0; i < xs.length; i++) {
      double perKm2 = KernelDensity.quarticAt(xs, ys, 500, xs[i], ys[i]);
      double expected = Double.parseDouble(rows.get(i)[2]) * 1e6;
      assertThat(perKm2).as("point %d", i).isCloseTo(expected, within(1e-9 * expected));
    }
  }
}
