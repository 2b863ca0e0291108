package nl.veiligheidskaart.geodata.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CrsTest {

  @ParameterizedTest
  @CsvSource(textBlock = """
      EPSG:28992,                                      RD_NEW
      28992,                                           RD_NEW
      epsg:28992,                                      RD_NEW
      urn:ogc:def:crs:EPSG::28992,                     RD_NEW
      http://www.opengis.net/def/crs/EPSG/0/28992,     RD_NEW
      https://www.opengis.net/def/crs/EPSG/0/28992,    RD_NEW
      CRS84,                                           WGS84
      OGC:CRS84,                                       WGS84
      urn:ogc:def:crs:OGC:1.3:CRS84,                   WGS84
      http://www.opengis.net/def/crs/OGC/1.3/CRS84,    WGS84
      EPSG:4326,                                       WGS84
      urn:ogc:def:crs:EPSG::4326,                      WGS84
      ' 4326 ',                                        WGS84
      EPSG:3857,                                       WEB_MERCATOR
      http://www.opengis.net/def/crs/EPSG/0/3857,      WEB_MERCATOR
      """)
  void parsesNamesCodesUrnsAndUris(String name, Crs expected) {
    assertThat(Crs.parse(name)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"EPSG:4258", "EPSG:900913", "RD", "", "EPSG:", "99999999999"})
  void refusesUnsupportedWithTheSupportedValues(String name) {
    assertThatThrownBy(() -> Crs.parse(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Unsupported coordinate reference system '" + name + "'")
        .hasMessageContaining("EPSG:28992")
        .hasMessageContaining("CRS84")
        .hasMessageContaining("EPSG:3857");
  }

  @ParameterizedTest
  @CsvSource(textBlock = """
      RD_NEW,       28992, http://www.opengis.net/def/crs/EPSG/0/28992
      WGS84,        4326,  http://www.opengis.net/def/crs/OGC/1.3/CRS84
      WEB_MERCATOR, 3857,  http://www.opengis.net/def/crs/EPSG/0/3857
      """)
  void hasEpsgCodeAndUri(Crs crs, int epsg, String uri) {
    assertThat(crs.epsg()).isEqualTo(epsg);
    assertThat(crs.uri()).isEqualTo(uri);
    assertThat(Crs.fromEpsg(epsg)).isEqualTo(crs);
    assertThat(Crs.parse(uri)).isEqualTo(crs);
  }
}
