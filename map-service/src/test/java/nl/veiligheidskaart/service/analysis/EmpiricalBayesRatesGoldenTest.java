package nl.veiligheidskaart.service.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.veiligheidskaart.service.SharedGeodata;
import org.junit.jupiter.api.Test;

/**
 * Raw, global and local empirical Bayes rates per 1,000 inhabitants against R spdep ({@code EBest}
 * Poisson, {@code EBlocal} with geoda = FALSE on the reference queen-contiguity list): the
 * registered crime of 2018 (1.1.1 residential burglary, 1.4.5 assault) over the population of
 * 1 January 2019, all 76 municipalities, golden file made by tools/rates-golden.R; equal to 1e-9.
 */
class EmpiricalBayesRatesGoldenTest {

  @Test
  void residentialBurglaryEqualsSpdep() throws Exception {
    assertEqualsSpdep("1.1.1");
  }

  @Test
  void assaultEqualsSpdep() throws Exception {
    assertEqualsSpdep("1.4.5");
  }

  private static void assertEqualsSpdep(String crimeType) throws Exception {
    List<String[]> rows = LocalStatisticsGoldenTest.golden("rates-eb-2018-population-2019.csv").stream()
        .filter(row -> row[0].equals(crimeType)).toList();
    List<String> codes = rows.stream().map(r -> r[1]).toList();
    double[] counts = rows.stream().mapToDouble(r -> Double.parseDouble(r[2])).toArray();
    double[] population = rows.stream().mapToDouble(r -> Double.parseDouble(r[3])).toArray();
    BinaryWeights neighbours = BinaryWeights.contiguity(codes, referenceNeighbours()::get, true);

    double[] raw = EmpiricalBayesRates.raw(counts, population);
    double[] global = EmpiricalBayesRates.global(counts, population);
    double[] local = EmpiricalBayesRates.local(counts, population, neighbours);

    assertThat(codes).hasSize(76);
    for (int i = 0; i < codes.size(); i++) {
      String[] row = rows.get(i);
      assertThat(1000 * raw[i]).as("raw %s", codes.get(i)).isCloseTo(1000 * Double.parseDouble(row[4]), within(1e-9));
      assertThat(1000 * global[i]).as("EBest %s", codes.get(i))
          .isCloseTo(1000 * Double.parseDouble(row[5]), within(1e-9));
      assertThat(1000 * local[i]).as("EBlocal %s", codes.get(i))
          .isCloseTo(1000 * Double.parseDouble(row[6]), within(1e-9));
    }
  }

  static Map<String, SortedSet<String>> referenceNeighbours() throws Exception {
    Map<String, SortedSet<String>> neighbours = new TreeMap<>();
    List<String> pairs = Files.readAllLines(SharedGeodata.file("neighbours-oost-nederland-2019.csv"));
    for (String pair : pairs.subList(1, pairs.size())) {
      String[] codesOfPair = pair.split(",");
      neighbours.computeIfAbsent(codesOfPair[0], c -> new TreeSet<>()).add(codesOfPair[1]);
    }
    return neighbours;
  }

  @Test
  void withoutCasesAndWithoutVarianceTheSmoothedRateIsTheReferenceRate() {
    double[] none = EmpiricalBayesRates.global(new double[] {0, 0, 0}, new double[] {100, 200, 300});

    assertThat(none).containsOnly(0.0);
  }

  @Test
  void areasWithTheSameRateKeepIt() {
    // No variance between areas beyond chance: every rate is shrunk all the way to the overall rate.
    double[] smoothed = EmpiricalBayesRates.global(new double[] {10, 20, 30}, new double[] {1000, 2000, 3000});

    assertThat(smoothed).containsOnly(0.01);
  }

  @Test
  void aPopulationOfZeroIsRefused() {
    assertThatThrownBy(() -> EmpiricalBayesRates.raw(new double[] {1}, new double[] {0}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("population must be > 0");
  }
}
