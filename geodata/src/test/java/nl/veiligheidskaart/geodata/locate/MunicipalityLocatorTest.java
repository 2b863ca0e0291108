package nl.veiligheidskaart.geodata.locate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import nl.veiligheidskaart.geodata.SharedGeodata;
import nl.veiligheidskaart.geodata.boundary.BoundaryFileReader;
import nl.veiligheidskaart.geodata.reference.ReferenceGeography;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

class MunicipalityLocatorTest {

  @Test
  void pointsInsideAndNearTwoSquares() throws ParseException {
    WKTReader wkt = new WKTReader();
    MunicipalityLocator locator = new MunicipalityLocator(Map.of(
        "GM0001", wkt.read("POLYGON ((0 0, 1000 0, 1000 1000, 0 1000, 0 0))"),
        "GM0002", wkt.read("POLYGON ((1000 0, 2000 0, 2000 1000, 1000 1000, 1000 0))")));

    assertThat(locator.municipalityAt(new Coordinate(500, 500), 0)).contains("GM0001");
    assertThat(locator.municipalityAt(new Coordinate(1500, 500), 0)).contains("GM0002");
    // 40 m north of the first square: only with a tolerance, and then to the nearest
    assertThat(locator.municipalityAt(new Coordinate(300, 1040), 0)).isEmpty();
    assertThat(locator.municipalityAt(new Coordinate(300, 1040), 50)).contains("GM0001");
    assertThat(locator.municipalityAt(new Coordinate(1900, 1040), 50)).contains("GM0002");
    assertThat(locator.municipalityAt(new Coordinate(5000, 5000), 500)).isEmpty();
  }

  @ParameterizedTest(name = "RD ({0}, {1}) lies in {2}")
  @CsvSource({
      "194200, 469200, GM0200", // Apeldoorn centre
      "203300, 502300, GM0193", // Zwolle
      "187900, 428800, GM0268", // Nijmegen, Valkhof
      "258000, 471000, GM0153", // Enschede
  })
  void realMunicipalities(double x, double y, String code) {
    MunicipalityLocator locator = new MunicipalityLocator(new BoundaryFileReader()
        .read(SharedGeodata.file("gemeenten-oost-nederland-2019.geojson"), ReferenceGeography.oostNederland(), 2019)
        .geometriesByCode());

    assertThat(locator.municipalityAt(new Coordinate(x, y), 0)).contains(code);
  }
}
