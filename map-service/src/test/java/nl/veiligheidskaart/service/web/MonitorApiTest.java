package nl.veiligheidskaart.service.web;

import static nl.veiligheidskaart.service.web.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import nl.veiligheidskaart.geodata.reference.ReferenceGeography;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The strategy monitor on the real registered-crime table and the demo incidents: the strategy's
 * own burglary claim checked, the target path, the roll-up from municipalities to districts to the
 * unit, and what other roles are told.
 */
class MonitorApiTest extends DemoServiceApiTest {

  ApiClient analyst;
  ApiClient admin;

  @BeforeEach
  void signIn() {
    analyst = ApiClient.signedIn("http://localhost:" + port, DATA_DIR, "analist");
    admin = ApiClient.signedIn("http://localhost:" + port, DATA_DIR, "beheer");
  }

  /** The strategy says "iets meer dan 40 %" fewer residential burglaries 2015-2018; the table says 34.7 %. */
  @Test
  void theStrategysBurglaryClaimIsMinus34Point7PercentInTheRegisteredCrimeTable() {
    JsonNode report = json(analyst.get("/api/v1/monitor?area=unit&source=statistics&category=1.1.1"
        + "&baseline=2015&year=2018"));

    assertThat(report.get("area").asString()).isEqualTo("unit");
    JsonNode burglary = report.get("indicators").get(0);
    assertThat(burglary.get("category").asString()).isEqualTo("1.1.1 Diefstal/inbraak woning");
    assertThat(burglary.get("theme").asString()).isEqualTo("woninginbraak");
    assertThat(burglary.get("baselineYear").asInt()).isEqualTo(2015);
    assertThat(burglary.get("baseline").asLong()).isEqualTo(9_311);
    assertThat(burglary.get("year").asInt()).isEqualTo(2018);
    assertThat(burglary.get("value").asLong()).isEqualTo(6_083);
    assertThat(burglary.get("changePercent").asDouble()).isEqualTo(-34.7);
    // the strategy's -40 % by 2018 was not reached
    assertThat(burglary.get("target").asDouble()).isEqualTo(-40.0);
    assertThat(burglary.get("targetYear").asInt()).isEqualTo(2018);
    assertThat(burglary.get("expectedChangePercent").asDouble()).isEqualTo(-40.0);
    assertThat(burglary.get("onTrack").asBoolean()).isFalse();
    assertThat(burglary.get("complete").asBoolean()).isTrue();
    assertThat(burglary.get("series")).hasSize(4);
    assertThat(burglary.get("series").get(0).get("count").asLong()).isEqualTo(9_311);
  }

  @Test
  void onTheWayToTheTargetTheStraightPathSaysWhereTheChangeShouldStand() {
    // 2016: one third of the way from 2015 to 2018, so -13.3 % is expected
    JsonNode burglary = json(analyst.get("/api/v1/monitor?area=unit&category=woninginbraak&year=2016"))
        .get("indicators").get(0);

    assertThat(burglary.get("baselineYear").asInt()).isEqualTo(2015);
    assertThat(burglary.get("expectedChangePercent").asDouble()).isEqualTo(-13.3);
    double change = burglary.get("changePercent").asDouble();
    assertThat(burglary.get("onTrack").asBoolean()).isEqualTo(change <= -13.3);
  }

  @Test
  void aDistrictAddsUpFromItsMunicipalitiesAndTheUnitFromItsDistricts() {
    ReferenceGeography reference = ReferenceGeography.oostNederland();
    long unit = value("unit");
    long districts = 0;
    for (var district : reference.districts()) {
      long fromDistrict = value(district.code());
      long fromMunicipalities = reference.municipalitiesIn(district.code()).stream()
          .mapToLong(municipality -> value(municipality.code())).sum();
      assertThat(fromDistrict).as(district.name()).isEqualTo(fromMunicipalities);
      districts += fromDistrict;
    }
    assertThat(districts).isEqualTo(unit);
  }

  @Test
  void withoutAnAskedCategoryEveryThemeTheSourceMeasuresIsListed() {
    JsonNode statistics = json(analyst.get("/api/v1/monitor?area=VR04")).get("indicators");
    assertThat(statistics).hasSize(1); // only burglary has an offence in the table
    assertThat(statistics.get(0).get("year").asInt()).isEqualTo(2025);

    JsonNode incidents = json(analyst.get("/api/v1/monitor?area=VR04&source=incidents")).get("indicators");
    assertThat(incidents).hasSizeGreaterThanOrEqualTo(10);
    for (JsonNode indicator : incidents) {
      // the demo data begins within 2024: that year is not held whole, and the monitor says so
      assertThat(indicator.get("complete").asBoolean()).as(indicator.toString()).isFalse();
      if (indicator.get("theme").asString().equals("woninginbraak")) {
        // the theme's own baseline year, 2015, lies before the first incident: not held, rather than 0
        assertThat(indicator.get("baselineYear").asInt()).isEqualTo(2015);
        assertThat(indicator.get("baseline").isNull()).isTrue();
        assertThat(indicator.get("series").get(0).get("held").asBoolean()).isFalse();
        assertThat(indicator.get("changePercent").isNull()).isTrue();
        assertThat(indicator.get("onTrack").isNull()).isTrue();
      } else {
        // a theme without a baseline year of its own is compared with the year before
        assertThat(indicator.get("baselineYear").asInt()).isEqualTo(indicator.get("year").asInt() - 1);
        assertThat(indicator.get("target").isNull()).isTrue();
      }
    }
  }

  @Test
  void otherRolesSeeRoundedCountsAndTheirMunicipalitiesOnly() {
    ApiClient bbg = admin.account("monitor-bbg", "BBG", null);
    JsonNode burglary = json(bbg.get("/api/v1/monitor?area=unit&category=1.1.1&baseline=2015&year=2018"))
        .get("indicators").get(0);
    assertThat(burglary.get("baseline").asLong()).isEqualTo(9_310);
    assertThat(burglary.get("value").asLong()).isEqualTo(6_085);
    assertThat(burglary.get("changePercent").asDouble()).isEqualTo(-34.6); // from the counts as shown

    ApiClient deventer = admin.account("monitor-deventer", "MUNICIPALITY", "GM0150");
    assertThat(deventer.get("/api/v1/monitor?area=GM0150&category=1.1.1").statusCode()).isEqualTo(200);
    // Olst-Wijhe is a neighbour; Winterswijk is not, nor is the whole district, which would give away non-neighbours
    assertThat(deventer.get("/api/v1/monitor?area=GM1773&category=1.1.1").statusCode()).isEqualTo(200);
    assertThat(ApiClient.problem(deventer.get("/api/v1/monitor?area=GM0294&category=1.1.1"), 403).get("detail")
        .asString()).contains("GM0294");
    assertThat(deventer.get("/api/v1/monitor?area=VR04&category=1.1.1").statusCode()).isEqualTo(403);
    assertThat(deventer.get("/api/v1/monitor?area=unit").statusCode()).isEqualTo(403);

    // administrators run imports and accounts: incident figures are none of their business
    assertThat(admin.get("/api/v1/monitor?area=unit&source=incidents").statusCode()).isEqualTo(403);
  }

  @Test
  void badMonitorRequestsAreNamed() {
    assertThat(ApiClient.problem(analyst.get("/api/v1/monitor?area=Atlantis"), 400).toString()).contains("area");
    assertThat(ApiClient.problem(analyst.get("/api/v1/monitor?source=rumours"), 400).toString()).contains("source");
    assertThat(ApiClient.problem(analyst.get("/api/v1/monitor?category=9.9.9"), 400).toString()).contains("category");
    assertThat(ApiClient.problem(analyst.get("/api/v1/monitor?source=incidents&category=inbraak"), 400).toString())
        .contains("category");
    assertThat(ApiClient.problem(analyst.get("/api/v1/monitor?category=1.1.1&year=2031"), 400).toString())
        .contains("year");
    assertThat(ApiClient.problem(analyst.get("/api/v1/monitor?category=1.1.1&baseline=2018&year=2015"), 400)
        .toString()).contains("baseline");
    assertThat(ApiClient.problem(analyst.get("/api/v1/monitor?category=1.1.1&year=twintig"), 400).toString())
        .contains("year");
  }

  private long value(String area) {
    return json(analyst.get("/api/v1/monitor?area=" + area + "&category=1.1.1&year=2018")).get("indicators").get(0)
        .get("value").asLong();
  }
}
