package nl.veiligheidskaart.service.web;

import static nl.veiligheidskaart.service.web.ApiClient.json;
import static nl.veiligheidskaart.service.web.ApiClient.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import nl.veiligheidskaart.service.audit.AuditEntryEntity;
import nl.veiligheidskaart.service.audit.AuditEntryRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The time profile (aoristic weekday × hour table) over HTTP on the demo data: exact for analysts,
 * through the disclosure policy for the others, and attacked as they would attack it.
 */
class TimeProfileApiTest extends DemoServiceApiTest {

  static final String DEVENTER = "/api/v1/analysis/time-profile?category=woninginbraak&area=GM0150";

  @Autowired
  AuditEntryRepository audit;

  ApiClient analyst;
  ApiClient board;
  ApiClient zutphen;

  @BeforeEach
  void signIn() {
    analyst = ApiClient.signedIn("http://localhost:" + port, DATA_DIR, "analist");
    ApiClient admin = ApiClient.signedIn("http://localhost:" + port, DATA_DIR, "beheer");
    board = admin.account("bbg-tijd", "BBG", null);
    zutphen = admin.account("gm-zutphen-tijd", "MUNICIPALITY", "GM0301");
  }

  @Test
  void analystsGetTheExactWeightsOfEveryIncident() {
    JsonNode profile = json(analyst.get(DEVENTER + "&from=2025-01-01&to=2026-01-01"));

    assertThat(profile.get("exact").asBoolean()).isTrue();
    assertThat(profile.get("weekdays")).hasSize(7);
    assertThat(profile.get("weights")).hasSize(7);
    double sum = 0;
    for (JsonNode day : profile.get("weights")) {
      assertThat(day).hasSize(24);
      for (JsonNode hour : day) {
        sum += hour.asDouble();
      }
    }
    long incidents = profile.get("incidents").asLong();
    assertThat(incidents).isGreaterThan(100);
    // each incident weighs 1 in all, however it is spread
    assertThat(sum).isCloseTo(incidents, within(1e-6));
    assertThat(profile.get("total").asDouble()).isCloseTo(incidents, within(1e-6));
    // about half the demo burglaries with a time were found later: spread over their window
    assertThat(profile.get("spread").asLong()).isBetween(incidents / 4, incidents);
    double weekdays = 0;
    for (JsonNode total : profile.get("weekdayTotals")) {
      weekdays += total.asDouble();
    }
    assertThat(weekdays).isCloseTo(incidents, within(1e-6));

    AuditEntryEntity row = audit.findByUsernameOrderByIdDesc("analist").stream()
        .filter(entry -> "/api/v1/analysis/time-profile".equals(entry.getEndpoint())).findFirst().orElseThrow();
    assertThat(row.getArea()).contains("GM0150");
    assertThat(row.getPeriod()).contains("2025-01-01");
  }

  @Test
  void othersGetRoundedWeightsWithSmallOnesSuppressed() {
    JsonNode exact = json(analyst.get(DEVENTER + "&from=2025-01-01&to=2026-01-01"));
    JsonNode shown = json(board.get(DEVENTER + "&from=2025-01-01&to=2026-01-01"));

    assertThat(shown.get("exact").asBoolean()).isFalse();
    int suppressed = 0;
    for (int d = 0; d < 7; d++) {
      for (int h = 0; h < 24; h++) {
        JsonNode cell = shown.get("weights").get(d).get(h);
        double weight = exact.get("weights").get(d).get(h).asDouble();
        if (cell.isNull()) {
          suppressed++;
          assertThat(Math.round(weight)).as("suppressed only below the minimum").isLessThan(10);
        } else {
          assertThat(cell.asDouble() % 5).as("a multiple of 5").isZero();
          assertThat(Math.abs(cell.asDouble() - Math.round(weight))).isLessThanOrEqualTo(2.5);
        }
      }
    }
    assertThat(suppressed).as("a year of one municipality's burglaries has quiet hours").isPositive();
    assertThat(shown.get("incidents").asLong() % 5).isZero();
    assertThat(shown.get("analysis").get("n").asLong() % 5).isZero();
  }

  @Test
  void othersAskWholeMonthsOfTheirOwnMunicipalities() {
    assertThat(problem(board.get(DEVENTER + "&from=2025-01-15"), 400).get("invalidParams").get(0).get("name")
        .asString()).isEqualTo("from");
    problem(zutphen.get(DEVENTER), 403);
    problem(zutphen.get("/api/v1/analysis/time-profile?category=woninginbraak"), 403);
    assertThat(json(zutphen.get("/api/v1/analysis/time-profile?category=woninginbraak&area=GM0301"))
        .get("exact").asBoolean()).isFalse();
    // an analysis of raw points stays with the analysts
    problem(board.get("/api/v1/analysis/near-repeat?category=woninginbraak&area=GM0150"), 403);
  }
}
