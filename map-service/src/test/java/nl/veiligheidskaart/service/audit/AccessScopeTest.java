package nl.veiligheidskaart.service.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The area and period the audit trail states for a request: path and query in, columns out. */
class AccessScopeTest {

  @ParameterizedTest(name = "{0}?{1} → area {2}, period {3}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "/api/v1/municipalities/GM0200/figures | from=2026-07-01&to=2026-10-01 | GM0200 | 2026-07-01/2026-10-01",
      "/api/v1/districts/VR04 | - | VR04 | -",
      "/api/v1/briefings/IJsselland | period=2026-Q3 | IJsselland | 2026-Q3",
      "/api/v1/tiles/heatmap/10/529/336@2x.png | category=woninginbraak&from=2026-01-01 | tile 10/529/336 | 2026-01-01/..",
      "/api/v1/tiles/municipalities/8/132/84.mvt | to=2026-01-01 | tile 8/132/84 | ../2026-01-01",
      "/ogc/collections/incidents/tiles/NetherlandsRDNewQuad/10/505/557 | - | tile NetherlandsRDNewQuad/10/505/557 | -",
      "/ogc/layers/heatmap/map/tiles/WebMercatorQuad/10/336/529 | from=2026-01-01 | tile WebMercatorQuad/10/336/529 "
          + "| 2026-01-01/..",
      "/api/v1/incidents | municipality=GM0150&limit=10 | GM0150 | -",
      "/api/v1/analysis/hotspots | area=VR04&municipality=GM0150 | VR04 | -",
      "/api/v1/analysis/displacement | target=GM0301&interventionDate=2025-06-01 | GM0301 | intervention 2025-06-01",
      "/api/v1/analysis/displacement | target=GM0200&before=2015&after=2018 | GM0200 | before 2015, after 2018",
      "/ogc/collections/incidents/items | bbox=5.9,52.0,6.3,52.4&datetime=2026-01-01/.. | bbox 5.9,52.0,6.3,52.4 | 2026-01-01/..",
      "/api/v1/municipalities | crs=EPSG:28992 | - | -",
      "/api/v1/incidents | from=&to= | - | -"})
  void areaAndPeriodFollowTheApisNames(String path, String query, String area, String period) {
    Map<String, String[]> parameters = AccessScope.query(query);
    assertThat(AccessScope.area(path, parameters)).isEqualTo(area);
    assertThat(AccessScope.period(parameters)).isEqualTo(period);
  }

  @Test
  void theQueryIsReadFromTheRequestLineAndAMalformedEscapeIsKept() {
    Map<String, String[]> parameters = AccessScope.query("municipality=GM0150&category=a%20b&category=c&bad=%zz");
    assertThat(parameters.get("municipality")).containsExactly("GM0150");
    assertThat(parameters.get("category")).containsExactly("a b", "c");
    assertThat(parameters.get("bad")).containsExactly("%zz");
  }
}
