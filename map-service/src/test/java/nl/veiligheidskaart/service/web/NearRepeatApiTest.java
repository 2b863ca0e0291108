package nl.veiligheidskaart.service.web;

import static nl.veiligheidskaart.service.web.ApiClient.json;
import static nl.veiligheidskaart.service.web.ApiClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

import nl.veiligheidskaart.service.audit.AuditEntryEntity;
import nl.veiligheidskaart.service.audit.AuditEntryRepository;
import nl.veiligheidskaart.service.demo.DemoDataGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The near-repeat analysis (Knox test) over HTTP on the demo data. */
class NearRepeatApiTest extends DemoServiceApiTest {

  @Autowired
  AuditEntryRepository audit;

  ApiClient analyst;

  @BeforeEach
  void signIn() {
    analyst = ApiClient.signedIn("http://localhost:" + port, DATA_DIR, "analist");
  }

  @Test
  void theTableCountsEveryPairOnceInTheBandsAsked() {
    JsonNode table = json(analyst.get("/api/v1/analysis/near-repeat?category=woninginbraak&area=GM0150"
        + "&from=2025-01-01&to=2026-01-01&permutations=99&seed=7"));

    // rows: same location, 0-100, 100-200, 200-400, 400-800, 800 or more; columns: 4 bands of 7 days, 28 or more
    assertThat(table.get("distanceBands")).hasSize(6);
    assertThat(table.get("distanceBands").get(0).get("label").asString()).isEqualTo("same location");
    assertThat(table.get("distanceBands").get(2).get("label").asString()).isEqualTo("100 to under 200 m");
    assertThat(table.get("distanceBands").get(5).get("to").isNull()).isTrue();
    assertThat(table.get("dayBands")).hasSize(5);
    assertThat(table.get("cells")).hasSize(30);
    long pairs = 0;
    for (JsonNode cell : table.get("cells")) {
      pairs += cell.get("observed").asLong();
      assertThat(cell.get("p").asDouble()).isBetween(0.01, 1.0);
    }
    int n = table.get("incidents").asInt();
    assertThat(n).isGreaterThan(100);
    assertThat(pairs).isEqualTo((long) n * (n - 1) / 2).isEqualTo(table.get("pairs").asLong());
    assertThat(table.get("analysis").get("parameters").get("seed").get("value").asLong()).isEqualTo(7);

    // the same seed gives the same answer
    assertThat(json(analyst.get("/api/v1/analysis/near-repeat?category=woninginbraak&area=GM0150"
        + "&from=2025-01-01&to=2026-01-01&permutations=99&seed=7"))).isEqualTo(table);

    AuditEntryEntity row = audit.findByUsernameOrderByIdDesc("analist").stream()
        .filter(entry -> "/api/v1/analysis/near-repeat".equals(entry.getEndpoint())).findFirst().orElseThrow();
    assertThat(row.getArea()).contains("GM0150");
    assertThat(row.getPeriod()).contains("2025-01-01");
  }

  @Test
  void thePlantedChainOfBurglariesInNijmegenIsANearRepeatPattern() {
    JsonNode table = json(analyst.get("/api/v1/analysis/near-repeat?category=woninginbraak&area="
        + DemoDataGenerator.NEAR_REPEAT.municipalityCode()));

    JsonNode firstBand = cell(table, 1, 0);
    assertThat(firstBand.get("p").asDouble()).isLessThan(0.05);
    assertThat(firstBand.get("knoxRatio").asDouble()).isGreaterThan(2);
    // far apart in space or in time, no more pairs than chance gives
    assertThat(cell(table, 5, 4).get("knoxRatio").asDouble()).isBetween(0.9, 1.1);
  }

  @Test
  void whereNothingIsPlantedNothingNearAndSoonStandsOut() {
    // Zwolle's burglaries: the demo data plants nothing there
    JsonNode table = json(analyst.get("/api/v1/analysis/near-repeat?category=woninginbraak&area=GM0193"));

    assertThat(table.get("incidents").asInt()).isGreaterThan(200);
    for (int row = 1; row <= 2; row++) {
      assertThat(cell(table, row, 0).get("p").asDouble()).as("row %d", row).isGreaterThan(0.05);
    }
  }

  private static JsonNode cell(JsonNode table, int distanceBand, int dayBand) {
    for (JsonNode cell : table.get("cells")) {
      if (cell.get("distanceBand").asInt() == distanceBand && cell.get("dayBand").asInt() == dayBand) {
        return cell;
      }
    }
    throw new AssertionError("no cell " + distanceBand + ", " + dayBand);
  }

  @Test
  void badBandsAndPermutationsAreNamed() {
    assertThat(invalidParameter("distanceBands=50,100")).isEqualTo("distanceBands");
    assertThat(invalidParameter("distanceBands=0,200,100")).isEqualTo("distanceBands");
    assertThat(invalidParameter("distanceBands=0,honderd")).isEqualTo("distanceBands");
    assertThat(invalidParameter("distanceBands=0,100,20000")).isEqualTo("distanceBands");
    assertThat(invalidParameter("dayBands=0,7.5")).isEqualTo("dayBands");
    assertThat(invalidParameter("dayBands=0")).isEqualTo("dayBands");
    assertThat(invalidParameter("permutations=0")).isEqualTo("permutations");
    assertThat(invalidParameter("permutations=100000")).isEqualTo("permutations");
    assertThat(invalidParameter("area=GM9999")).isEqualTo("area");
  }

  private String invalidParameter(String parameters) {
    return problem(analyst.get("/api/v1/analysis/near-repeat?category=woninginbraak&" + parameters), 400)
        .get("invalidParams").get(0).get("name").asString();
  }
}
