package nl.veiligheidskaart.geodata.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Percentage.withPercentage;

import java.util.List;
import java.util.Map;
import nl.veiligheidskaart.geodata.SharedGeodata;
import nl.veiligheidskaart.geodata.reference.ReferenceGeography;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

class DistrictGeometryTest {

  @Test
  void dissolvesAdjacentSquaresIntoOneRectangle() throws ParseException {
    WKTReader wkt = new WKTReader();
    Geometry west = wkt.read("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))");
    Geometry east = wkt.read("POLYGON ((10 0, 20 0, 20 10, 10 10, 10 0))");

    Geometry dissolved = DistrictGeometry.dissolve(List.of(west, east));

    assertThat(dissolved).isInstanceOf(Polygon.class);
    assertThat(dissolved.equalsTopo(wkt.read("POLYGON ((0 0, 20 0, 20 10, 0 10, 0 0))"))).isTrue();
  }

  @Test
  void refusesToDissolveNothing() {
    assertThatThrownBy(() -> DistrictGeometry.dissolve(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Nothing to dissolve: no geometries given");
  }

  /** Expected areas: shared/geodata/README.md, "Validity". */
  @Test
  void dissolvesTheSharedMunicipalitiesIntoFiveSinglePolygonDistricts() {
    ReferenceGeography reference = ReferenceGeography.oostNederland();
    BoundarySet set = new BoundaryFileReader().read(
        SharedGeodata.file("gemeenten-oost-nederland-2019.geojson"), reference, 2019);

    Map<String, Geometry> districts = DistrictGeometry.byDistrict(set.boundaries(), reference);

    Map<String, Double> expectedSquareKilometres = Map.of(
        "VR04", 1907.0, "VR05", 1502.0, "VR06", 2795.0, "VR07", 1225.0, "VR08", 1107.0);
    assertThat(districts).containsOnlyKeys(expectedSquareKilometres.keySet());
    districts.forEach((code, area) -> {
      assertThat(area).as(code).isInstanceOf(Polygon.class);
      assertThat(area.isValid()).as(code).isTrue();
      assertThat(area.getSRID()).as(code).isEqualTo(28992);
      assertThat(area.getArea() / 1e6).as(code)
          .isCloseTo(expectedSquareKilometres.get(code), withPercentage(0.1));
    });
  }
}
