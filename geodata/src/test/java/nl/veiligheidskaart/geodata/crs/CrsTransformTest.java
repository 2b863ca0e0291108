package nl.veiligheidskaart.geodata.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFactory;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.impl.CoordinateArraySequenceFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Expected values come from PROJ 9.1.1 (an independent implementation), with the same RD New
 * definition as proj4j-epsg:
 * <pre>
 * cs2cs -f %.9f +proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 \
 *   +x_0=155000 +y_0=463000 +ellps=bessel \
 *   +towgs84=565.2369,50.0087,465.658,-0.406857,0.350733,-1.87035,4.0812 +units=m +no_defs \
 *   +to +proj=longlat +datum=WGS84
 * cs2cs -f %.4f OGC:CRS84 EPSG:3857
 * </pre>
 */
class CrsTransformTest {

  private static final double DEGREES_1_MM = 1e-8;

  private final GeometryFactory rdFactory = new GeometryFactory(new PrecisionModel(), 28992);

  @ParameterizedTest(name = "RD ({0}, {1}) = ({2} E, {3} N)")
  @CsvSource(textBlock = """
      155000, 463000, 5.387203581, 52.155172303
      258000, 471000, 6.894479238, 52.217452757
      187000, 428000, 5.851528135, 51.839668159
      203000, 503000, 6.094286285, 52.512569093
      """)
  void rdNewToWgs84LongitudeFirst(double x, double y, double longitude, double latitude) {
    Coordinate wgs84 = CrsTransform.transform(new Coordinate(x, y), Crs.RD_NEW, Crs.WGS84);

    assertThat(wgs84.x).isCloseTo(longitude, within(DEGREES_1_MM));
    assertThat(wgs84.y).isCloseTo(latitude, within(DEGREES_1_MM));
  }

  /**
   * The official RDNAPTRANS value of the Amersfoort origin is 5.38720621 E, 52.15517440 N. The
   * 7-parameter datum shift that proj4j (and PROJ without the correction grid) applies is 0.3 m
   * from it (0.18 m east, 0.23 m north), i.e. within 5e-6 degrees but not 1e-6.
   */
  @Test
  void amersfoortOriginIsWithinHalfAMetreOfRdnaptrans() {
    Coordinate wgs84 = CrsTransform.transform(new Coordinate(155000, 463000), Crs.RD_NEW, Crs.WGS84);

    assertThat(wgs84.x).isCloseTo(5.38720621, within(5e-6));
    assertThat(wgs84.y).isCloseTo(52.15517440, within(5e-6));
  }

  @ParameterizedTest(name = "{0} ({1}, {2}) = EPSG:3857 ({3}, {4})")
  @CsvSource(textBlock = """
      RD_NEW, 155000,      463000,       599700.7594, 6828231.3730
      WGS84,  5.387203581, 52.155172303, 599700.7594, 6828231.3730
      WGS84,  6.049692018, 52.485863810, 673448.6349, 6888457.1637
      """)
  void toWebMercator(Crs from, double x, double y, double expectedX, double expectedY) {
    Coordinate mercator = CrsTransform.transform(new Coordinate(x, y), from, Crs.WEB_MERCATOR);

    assertThat(mercator.x).isCloseTo(expectedX, within(0.01));
    assertThat(mercator.y).isCloseTo(expectedY, within(0.01));
  }

  @ParameterizedTest(name = "RD -> {0} -> RD")
  @CsvSource({"WGS84", "WEB_MERCATOR"})
  void roundTripStaysWithinAMillimetre(Crs via) throws ParseException {
    Geometry rd = read("POLYGON ((155000 463000, 258000 471000, 203000 503000, 155000 463000))");

    Geometry back = CrsTransform.transform(CrsTransform.transform(rd, Crs.RD_NEW, via), via, Crs.RD_NEW);

    Coordinate[] expected = rd.getCoordinates();
    Coordinate[] actual = back.getCoordinates();
    for (int i = 0; i < expected.length; i++) {
      assertThat(actual[i].distance(expected[i])).isLessThan(0.001);
    }
  }

  @Test
  void resultCarriesTargetSridOnEveryPartAndLeavesInputAlone() throws ParseException {
    Geometry rd = read("MULTIPOLYGON (((155000 463000, 156000 463000, 156000 464000, 155000 463000)),"
        + " ((160000 463000, 161000 463000, 161000 464000, 160000 463000)))");

    Geometry wgs84 = CrsTransform.transform(rd, Crs.RD_NEW, Crs.WGS84);

    assertThat(wgs84.getSRID()).isEqualTo(4326);
    assertThat(wgs84.getGeometryN(1).getSRID()).isEqualTo(4326);
    assertThat(wgs84.getCoordinates()[0].x).isCloseTo(5.387203581, within(DEGREES_1_MM));
    assertThat(rd.getCoordinates()[0]).isEqualTo(new Coordinate(155000, 463000));
  }

  @Test
  void sameCrsGivesACopy() throws ParseException {
    Geometry rd = read("POINT (155000 463000)");

    Geometry copy = CrsTransform.transform(rd, Crs.RD_NEW, Crs.RD_NEW);

    assertThat(copy).isNotSameAs(rd);
    assertThat(copy.equalsExact(rd)).isTrue();
    assertThat(copy.getSRID()).isEqualTo(28992);
  }

  @Test
  void refusesGeometryWhoseSridContradictsTheSource() throws ParseException {
    Geometry rd = read("POINT (155000 463000)");

    assertThatThrownBy(() -> CrsTransform.transform(rd, Crs.WGS84, Crs.RD_NEW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Geometry has SRID 28992 but a transformation from EPSG:4326 was asked for");
  }

  /** Each thread has its own proj4j transforms; concurrent use must give the same answers. */
  @Test
  void concurrentTransformsAgree() {
    List<Coordinate> results = IntStream.range(0, 2000).parallel()
        .mapToObj(i -> CrsTransform.transform(new Coordinate(155000, 463000), Crs.RD_NEW, Crs.WEB_MERCATOR))
        .toList();

    assertThat(results).allSatisfy(c -> {
      assertThat(c.x).isCloseTo(599700.7594, within(0.01));
      assertThat(c.y).isCloseTo(6828231.3730, within(0.01));
    });
  }

  private Geometry read(String wkt) throws ParseException {
    return new WKTReader(rdFactory).read(wkt);
  }

  /**
   * Regression: Hibernate Spatial hands out geometries whose sequence factory returns sequences
   * uncopied; transforming such a stored boundary to CRS84 rewrote the stored geometry in place,
   * and the neighbours computed from it afterwards were wrong.
   */
  @Test
  void transformLeavesTheSourceUntouchedWhenItsSequenceFactoryDoesNotCopy() throws ParseException {
    CoordinateSequenceFactory sharing = new CoordinateSequenceFactory() {
      @Override
      public CoordinateSequence create(Coordinate[] coordinates) {
        return CoordinateArraySequenceFactory.instance().create(coordinates);
      }

      @Override
      public CoordinateSequence create(CoordinateSequence sequence) {
        return sequence; // hands back the very same sequence, as geolatte's factory does
      }

      @Override
      public CoordinateSequence create(int size, int dimension) {
        return CoordinateArraySequenceFactory.instance().create(size, dimension);
      }
    };
    Geometry stored = new WKTReader(new GeometryFactory(new PrecisionModel(), 28992, sharing))
        .read("POLYGON ((219428 461475, 219000 461000, 218000 462000, 219428 461475))");

    Geometry crs84 = CrsTransform.transform(stored, Crs.RD_NEW, Crs.WGS84);

    assertThat(stored.getCoordinate()).isEqualTo(new Coordinate(219428, 461475));
    assertThat(crs84.getCoordinate().x).isBetween(6.3, 6.4);
  }
}
