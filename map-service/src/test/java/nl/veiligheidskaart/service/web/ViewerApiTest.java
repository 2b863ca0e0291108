package nl.veiligheidskaart.service.web;

import static nl.veiligheidskaart.service.web.ApiClient.json;
import static nl.veiligheidskaart.service.web.ApiClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.veiligheidskaart.service.config.Zones;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What the viewer asks on the demo data: its configuration per role and a municipality's figures. */
class ViewerApiTest extends DemoServiceApiTest {

  static boolean accountsCreated;

  ApiClient analyst;
  ApiClient board;
  ApiClient zutphen;

  @BeforeEach
  void signIn() {
    analyst = ApiClient.signedIn("http://localhost:" + port, DATA_DIR, "analist");
    if (!accountsCreated) {
      ApiClient admin = ApiClient.signedIn("http://localhost:" + port, DATA_DIR, "beheer");
      admin.postJson("/api/v1/admin/users", Map.of("username", "bbg-lid", "password", "lang-genoeg-wachtwoord",
          "role", "BBG"));
      admin.postJson("/api/v1/admin/users", Map.of("username", "gm-zutphen", "password", "lang-genoeg-wachtwoord",
          "role", "MUNICIPALITY", "municipality", "GM0301"));
      accountsCreated = true;
    }
    board = analyst.as("bbg-lid", "lang-genoeg-wachtwoord");
    zutphen = analyst.as("gm-zutphen", "lang-genoeg-wachtwoord");
  }

  @Test
  void theConfigurationListsTheLayersTheRoleMaySee() {
    JsonNode forAnalyst = json(analyst.get("/api/v1/viewer-config"));
    JsonNode forBoard = json(board.get("/api/v1/viewer-config"));

    assertThat(ids(forAnalyst.get("layers"))).containsExactly("municipalities", "instrument-gaps", "incidents",
        "heatmap", "hotspots", "risk-terrain", "hemp-sites", "holiday-parks", "omg-clubhouses");
    assertThat(ids(forBoard.get("layers"))).containsExactly("municipalities", "instrument-gaps", "incidents");
    assertThat(forBoard.get("minimumCount").asInt()).isEqualTo(10);
    assertThat(forAnalyst.get("minimumCount").isNull()).isTrue();
    assertThat(forBoard.get("countsRoundedTo").asInt()).isEqualTo(5);
    assertThat(forAnalyst.get("countsRoundedTo").isNull()).isTrue();
    assertThat(forAnalyst.get("categories").get(0).get("label").asString()).isEqualTo("Woninginbraak");
  }

  /** The demo data is said on every screen; the address search goes to PDOK, which the CSP lets the page reach. */
  @Test
  void theConfigurationSaysDemoDataAndWhereAddressesAreLookedUp() {
    HttpResponse<String> response = analyst.get("/api/v1/viewer-config");
    JsonNode config = json(response);

    assertThat(config.get("demoData").asBoolean()).isTrue();
    assertThat(config.get("geocoder").get("url").asString())
        .isEqualTo("https://api.pdok.nl/bzk/locatieserver/search/v3_1/free");
    assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("connect-src 'self' https://api.pdok.nl;").contains("img-src 'self' data: https://service.pdok.nl;");
  }

  /** The figures equal what the incident API counts, period against period, month by month. */
  @Test
  void aMunicipalitysFiguresMatchTheIncidents() {
    LocalDate to = LocalDate.now(Zones.NETHERLANDS).withDayOfMonth(1);
    LocalDate from = to.minusMonths(3);
    JsonNode figures = json(analyst.get("/api/v1/municipalities/GM0150/figures?category=woninginbraak&from=" + from
        + "&to=" + to));

    assertThat(figures.get("name").asString()).isEqualTo("Deventer");
    assertThat(figures.get("previousFrom").asString()).isEqualTo(from.minusMonths(3).toString());
    JsonNode burglary = figures.get("categories").get(0);
    assertThat(figures.get("categories")).hasSize(1);
    assertThat(burglary.get("count").asLong()).isEqualTo(matched("GM0150", "woninginbraak", from, to));
    assertThat(burglary.get("previousCount").asLong())
        .isEqualTo(matched("GM0150", "woninginbraak", from.minusMonths(3), from));
    JsonNode months = figures.get("months");
    assertThat(months).hasSize(24);
    assertThat(months.get(23).get("month").asString()).isEqualTo(to.minusMonths(1).toString().substring(0, 7));
    assertThat(months.get(23).get("count").asLong())
        .isEqualTo(matched("GM0150", "woninginbraak", to.minusMonths(1), to));
  }

  @Test
  void smallCountsAreSuppressedAndMunicipalitiesSeeTheirNeighboursOnly() {
    LocalDate month = LocalDate.now(Zones.NETHERLANDS).withDayOfMonth(1).minusMonths(2);
    String oneMonth = "?category=omg&from=" + month + "&to=" + month.plusMonths(1);
    JsonNode forBoard = json(board.get("/api/v1/municipalities/GM0150/figures" + oneMonth)).get("categories").get(0);
    assertThat(forBoard.get("suppressed").asBoolean()).isTrue();
    assertThat(forBoard.get("count").isNull()).isTrue();
    assertThat(json(analyst.get("/api/v1/municipalities/GM0150/figures" + oneMonth)).get("categories").get(0)
        .get("count").asLong()).isBetween(0L, 9L);
    // a week is no whole month: refused for the board, fine for analysts
    String oneWeek = "?category=omg&from=" + month.plusDays(7) + "&to=" + month.plusDays(14);
    assertThat(problem(board.get("/api/v1/municipalities/GM0150/figures" + oneWeek), 400).get("invalidParams")
        .get(0).get("name").asString()).isEqualTo("from");
    assertThat(analyst.get("/api/v1/municipalities/GM0150/figures" + oneWeek).statusCode()).isEqualTo(200);

    assertThat(zutphen.get("/api/v1/municipalities/GM0301/figures").statusCode()).isEqualTo(200);
    assertThat(zutphen.get("/api/v1/municipalities/GM0262/figures").statusCode()).as("Lochem, a neighbour")
        .isEqualTo(200);
    problem(zutphen.get("/api/v1/municipalities/GM0150/figures"), 403);
    problem(analyst.get("/api/v1/municipalities/GM9999/figures"), 404);
    assertThat(problem(analyst.get("/api/v1/municipalities/GM0150/figures?from=2026-01-01&to=2025-01-01"), 400)
        .get("invalidParams").get(0).get("name").asString()).isEqualTo("from");
  }

  private long matched(String municipality, String category, LocalDate from, LocalDate to) {
    return json(analyst.get("/api/v1/incidents?municipality=" + municipality + "&category=" + category + "&from="
        + from + "&to=" + to + "&limit=1")).get("numberMatched").asLong();
  }

  private static List<String> ids(JsonNode layers) {
    List<String> ids = new ArrayList<>();
    layers.forEach(layer -> ids.add(layer.get("id").asString()));
    return ids;
  }
}
