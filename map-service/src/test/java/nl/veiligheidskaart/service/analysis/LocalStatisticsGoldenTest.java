package nl.veiligheidskaart.service.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.veiligheidskaart.service.SharedGeodata;
import org.junit.jupiter.api.Test;

/**
 * Gi* and Local Moran's I against R spdep ({@code localG} with self included, {@code localmoran}
 * with row-standardised weights), golden files made by tools/hotspot-golden.R: equal to 1e-9.
 */
class LocalStatisticsGoldenTest {

  static List<String[]> golden(String name) throws IOException, URISyntaxException {
    List<String> lines = Files.readAllLines(Path.of(LocalStatisticsGoldenTest.class.getResource("/analysis/" + name).toURI()));
    return lines.subList(1, lines.size()).stream().map(line -> line.split(",")).toList();
  }

  @Test
  void gridWithDistanceBandEqualsSpdep() throws Exception {
    List<String[]> rows = golden("local-statistics-grid-250m-750m.csv");
    int[] columns = rows.stream().mapToInt(r -> Integer.parseInt(r[0])).toArray();
    int[] gridRows = rows.stream().mapToInt(r -> Integer.parseInt(r[1])).toArray();
    StudyArea area = StudyArea.ofCells(new SquareGrid(250), columns, gridRows);
    double[] counts = new double[area.size()];
    double[] expectedZ = new double[area.size()];
    double[] expectedI = new double[area.size()];
    for (String[] row : rows) {
      int cell = area.indexOf(Integer.parseInt(row[0]), Integer.parseInt(row[1]));
      counts[cell] = Double.parseDouble(row[2]);
      expectedZ[cell] = Double.parseDouble(row[3]);
      expectedI[cell] = Double.parseDouble(row[4]);
    }

    double[] z = GetisOrdGiStar.zScores(counts, BinaryWeights.distanceBand(area, 750, true));
    double[] localI = LocalMoran.statistics(counts, BinaryWeights.distanceBand(area, 750, false));

    assertThat(area.size()).isEqualTo(520);
    for (int cell = 0; cell < z.length; cell++) {
      assertThat(z[cell]).as("Gi* of cell %d", cell).isCloseTo(expectedZ[cell], within(1e-9));
      assertThat(localI[cell]).as("I of cell %d", cell).isCloseTo(expectedI[cell], within(1e-9));
    }
  }

  @Test
  void municipalitiesWithContiguityEqualSpdep() throws Exception {
    List<String[]> rows = golden("local-statistics-municipalities-burglary-2018.csv");
    List<String> codes = rows.stream().map(r -> r[0]).toList();
    Map<String, SortedSet<String>> neighbours = new TreeMap<>();
    List<String> pairs = Files.readAllLines(SharedGeodata.file("neighbours-oost-nederland-2019.csv"));
    for (String pair : pairs.subList(1, pairs.size())) {
      String[] codesOfPair = pair.split(",");
      neighbours.computeIfAbsent(codesOfPair[0], c -> new TreeSet<>()).add(codesOfPair[1]);
    }
    double[] counts = rows.stream().mapToDouble(r -> Double.parseDouble(r[1])).toArray();

    double[] z = GetisOrdGiStar.zScores(counts, BinaryWeights.contiguity(codes, neighbours::get, true));
    double[] localI = LocalMoran.statistics(counts, BinaryWeights.contiguity(codes, neighbours::get, false));

    for (int i = 0; i < z.length; i++) {
      assertThat(z[i]).as(codes.get(i)).isCloseTo(Double.parseDouble(rows.get(i)[2]), within(1e-9));
      assertThat(localI[i]).as(codes.get(i)).isCloseTo(Double.parseDouble(rows.get(i)[3]), within(1e-9));
    }
  }

  @Test
  void withoutVarianceThereIsNoZScore() {
    StudyArea area = StudyArea.ofCells(new SquareGrid(100), new int[] {0, 1, 2}, new int[] {0, 0, 0});

    double[] z = GetisOrdGiStar.zScores(new double[] {4, 4, 4}, BinaryWeights.distanceBand(area, 100, true));

    assertThat(z).containsOnly(Double.NaN);
  }
}
