package nl.veiligheidskaart.geodata.contiguity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.veiligheidskaart.geodata.SharedGeodata;
import nl.veiligheidskaart.geodata.boundary.BoundaryFileReader;
import nl.veiligheidskaart.geodata.reference.ReferenceGeography;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

class MunicipalityContiguityTest {

  /**
   * A 3 x 3 block of 10 m squares:
   * <pre>
   *   G H I
   *   D E F
   *   A B C
   * </pre>
   */
  private static final Map<String, String> GRID = Map.of(
      "A", "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))",
      "B", "POLYGON ((10 0, 20 0, 20 10, 10 10, 10 0))",
      "C", "POLYGON ((20 0, 30 0, 30 10, 20 10, 20 0))",
      "D", "POLYGON ((0 10, 10 10, 10 20, 0 20, 0 10))",
      "E", "POLYGON ((10 10, 20 10, 20 20, 10 20, 10 10))",
      "F", "POLYGON ((20 10, 30 10, 30 20, 20 20, 20 10))",
      "G", "POLYGON ((0 20, 10 20, 10 30, 0 30, 0 20))",
      "H", "POLYGON ((10 20, 20 20, 20 30, 10 30, 10 20))",
      "I", "POLYGON ((20 20, 30 20, 30 30, 20 30, 20 20))");

  /** Queen contiguity: corner touches count. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      A | B D E
      B | A C D E F
      E | A B C D F G H I
      I | E F H
      """)
  void gridNeighboursIncludeCornerTouches(String code, String expectedNeighbours) throws ParseException {
    MunicipalityContiguity contiguity = MunicipalityContiguity.queen(areas(GRID), 0.0);

    assertThat(contiguity.neighbours(code)).containsExactly(expectedNeighbours.split(" "));
    assertThat(contiguity.pairCount()).isEqualTo(20);
    assertThat(contiguity.codes()).containsExactly("A", "B", "C", "D", "E", "F", "G", "H", "I");
  }

  /** Two squares 0.5 m apart: neighbours within the default 1 m, not within 0.1 m. */
  @ParameterizedTest(name = "tolerance {0} m -> {1} pairs")
  @CsvSource({"1.0, 1", "0.1, 0"})
  void toleranceBridgesSmallGaps(double tolerance, int expectedPairs) throws ParseException {
    Map<String, Geometry> areas = areas(Map.of(
        "GM0001", "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))",
        "GM0002", "POLYGON ((10.5 0, 20 0, 20 10, 10.5 10, 10.5 0))",
        "GM0003", "POLYGON ((100 100, 110 100, 110 110, 100 110, 100 100))"));

    MunicipalityContiguity contiguity = MunicipalityContiguity.queen(areas, tolerance);

    assertThat(contiguity.pairCount()).isEqualTo(expectedPairs);
    assertThat(contiguity.neighbours("GM0003")).isEmpty();
    assertThat(contiguity.codes()).hasSize(3);
  }

  @Test
  void unknownCodeHasNoNeighbours() throws ParseException {
    assertThat(MunicipalityContiguity.queen(areas(GRID)).neighbours("Z")).isEmpty();
  }

  @Test
  void refusesANegativeTolerance() {
    assertThatThrownBy(() -> MunicipalityContiguity.queen(Map.of(), -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Tolerance must be a finite distance of 0 m or more, was -1.0");
  }

  @Test
  void neighbourSetsAreUnmodifiable() throws ParseException {
    MunicipalityContiguity contiguity = MunicipalityContiguity.queen(areas(GRID));

    assertThatThrownBy(() -> contiguity.neighbours("E").add("Z"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  /** Expected: shared/geodata/neighbours-oost-nederland-2019.csv, 370 rows = 185 pairs. */
  @Test
  void sharedBoundariesGiveExactlyTheSharedNeighbourList() throws IOException {
    Map<String, Geometry> areas = new BoundaryFileReader()
        .read(SharedGeodata.file("gemeenten-oost-nederland-2019.geojson"),
            ReferenceGeography.oostNederland(), 2019)
        .geometriesByCode();
    List<String> expectedRows = Files.readAllLines(SharedGeodata.file("neighbours-oost-nederland-2019.csv"))
        .stream().skip(1).filter(line -> !line.isBlank()).toList();

    MunicipalityContiguity contiguity = MunicipalityContiguity.queen(areas);

    List<String> rows = contiguity.codes().stream()
        .flatMap(code -> contiguity.neighbours(code).stream().map(neighbour -> code + "," + neighbour))
        .toList();
    assertThat(expectedRows).hasSize(370);
    assertThat(rows).containsExactlyInAnyOrderElementsOf(expectedRows);
    assertThat(contiguity.pairCount()).isEqualTo(185);
    assertThat(contiguity.neighbours("GM0202")).as("Arnhem, 16 m from Duiven").doesNotContain("GM0226");
  }

  private static Map<String, Geometry> areas(Map<String, String> wktByCode) throws ParseException {
    WKTReader reader = new WKTReader();
    Map<String, Geometry> areas = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : wktByCode.entrySet()) {
      areas.put(entry.getKey(), reader.read(entry.getValue()));
    }
    return areas;
  }
}
