package nl.veiligheidskaart.geodata.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

class GeoJsonGeometriesTest {

  /** Input in EPSG:28992 on purpose: no crs member may be written, whatever the SRID. */
  private final WKTReader wkt = new WKTReader(new GeometryFactory(new PrecisionModel(), 28992));

  @ParameterizedTest(name = "{0} ({1} decimals)")
  @CsvSource(delimiter = '|', textBlock = """
      POINT (5.387203581 52.155172303)              | 6 | {"type":"Point","coordinates":[5.387204,52.155172]}
      POINT (155000.004 463000.006)                 | 2 | {"type":"Point","coordinates":[155000,463000.01]}
      POLYGON ((0 0, 0 10, 10 10, 10 0, 0 0))       | 0 | {"type":"Polygon","coordinates":[[[0.0,0.0],[10,0.0],[10,10],[0.0,10],[0.0,0.0]]]}
      MULTIPOINT ((1 2), (3 4))                     | 0 | {"type":"MultiPoint","coordinates":[[1,2],[3,4]]}
      """)
  void writesGeometryWithoutCrsAndWithCounterClockwiseExteriorRings(String input, int decimals,
      String expected) throws ParseException {
    assertThat(GeoJsonGeometries.write(wkt.read(input), decimals)).isEqualTo(expected);
  }

  @Test
  void readsWhatItWrites() throws ParseException {
    Geometry polygon = wkt.read("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2))");

    Geometry read = GeoJsonGeometries.read(GeoJsonGeometries.write(polygon, 3));

    assertThat(read.equalsExact(polygon)).isTrue();
    assertThat(read.getSRID()).isEqualTo(4326);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{not json", "{\"type\":\"Circle\",\"coordinates\":[1,2]}", "[]"})
  void refusesWhatIsNotGeoJson(String json) {
    assertThatThrownBy(() -> GeoJsonGeometries.read(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Not a GeoJSON geometry");
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 16})
  void refusesImpossibleDecimals(int decimals) throws ParseException {
    Geometry point = wkt.read("POINT (1 2)");

    assertThatThrownBy(() -> GeoJsonGeometries.write(point, decimals))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("decimals must be between 0 and 15, was " + decimals);
  }
}
