package nl.veiligheidskaart.service.web;

import static nl.veiligheidskaart.service.web.ApiClient.json;
import static nl.veiligheidskaart.service.web.ApiClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.veiligheidskaart.service.SharedGeodata;
import nl.veiligheidskaart.service.store.IncidentRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/** Imports and their read-back over HTTP: status codes, report shapes, roles, formats. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "veiligheidskaart.demo-data=false")
class IntakeApiTest extends FreshServiceApiTest {

  @Autowired
  IncidentRepository incidents;

  ApiClient admin;
  ApiClient analyst;

  @BeforeEach
  void signIn() {
    admin = signedIn("beheer");
    analyst = signedIn("analist");
    incidents.deleteAllInBatch();
  }

  static Path fixture(String name) {
    try {
      return Path.of(IntakeApiTest.class.getResource("/intake/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aGoodFileAnswers200WithTheReport() {
    HttpResponse<String> response = admin.upload("/api/v1/import/incidents", fixture("incidents-valid.csv"));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode report = json(response);
    assertThat(report.get("accepted").asLong()).isEqualTo(5);
    assertThat(report.get("rejected").asLong()).isZero();
    assertThat(report.get("errors")).isEmpty();
  }

  @Test
  void aStrictRejectionAnswers400ProblemJsonWithTheReportAndStoresNothing() {
    HttpResponse<String> response = admin.upload("/api/v1/import/incidents",
        fixture("incidents-duplicate-source-id.csv"));

    JsonNode problem = problem(response, 400);
    assertThat(problem.get("detail").asString()).isEqualTo("1 of 3 rows have errors; nothing was stored");
    assertThat(problem.get("accepted").asLong()).isEqualTo(2);
    assertThat(problem.get("rejected").asLong()).isEqualTo(1);
    assertThat(problem.get("errorCount").asLong()).isEqualTo(1);
    JsonNode error = problem.get("errors").get(0);
    assertThat(error.get("line").asLong()).isEqualTo(4);
    assertThat(error.get("column").asString()).isEqualTo("source_id");
    assertThat(incidents.count()).isZero();
  }

  @Test
  void lenientModeAnswers200AndStoresTheGoodRows() {
    HttpResponse<String> response = admin.upload("/api/v1/import/incidents?mode=lenient",
        fixture("incidents-duplicate-source-id.csv"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("rejected").asLong()).isEqualTo(1);
    assertThat(incidents.count()).isEqualTo(2);
  }

  @Test
  void anUnreadableFileAnswers400NamingTheLine() {
    JsonNode problem = problem(admin.upload("/api/v1/import/incidents", fixture("incidents-missing-category-column.csv")),
        400);

    assertThat(problem.get("errors").get(0).get("line").asLong()).isEqualTo(1);
    assertThat(problem.get("errors").get(0).get("column").asString()).isEqualTo("category");
  }

  @Test
  void badRequestsAreNamed() {
    assertThat(problem(admin.upload("/api/v1/import/incidents?mode=soms", fixture("incidents-valid.csv")), 400)
        .get("invalidParams").get(0).get("name").asString()).isEqualTo("mode");
    assertThat(problem(admin.upload("/api/v1/import/fietsen", fixture("incidents-valid.csv")), 404)
        .get("detail").asString()).startsWith("No import for 'fietsen'");
    assertThat(problem(analyst.upload("/api/v1/import/incidents", fixture("incidents-valid.csv")), 403)).isNotNull();
  }

  @Test
  void incidentsReadBackAsGeoJsonWithCountsAndFilters() {
    admin.upload("/api/v1/import/incidents", fixture("incidents-valid.csv"));

    JsonNode all = json(analyst.get("/api/v1/incidents"));
    assertThat(all.get("numberMatched").asLong()).isEqualTo(5);
    assertThat(all.get("numberReturned").asInt()).isEqualTo(5);
    JsonNode first = all.get("features").get(0);
    assertThat(first.get("properties").get("sourceId").asString()).isEqualTo("BVH-005");
    assertThat(first.get("properties").get("occurredAt").asString()).isEqualTo("2023-12-31T23:59:59+01:00");
    assertThat(first.get("properties").get("demo").asBoolean()).isFalse();

    JsonNode page = json(analyst.get("/api/v1/incidents?from=2024-03-01&to=2024-03-03&category=woninginbraak"
        + "&category=jeugdoverlast&limit=1&offset=1"));
    assertThat(page.get("numberMatched").asLong()).isEqualTo(2);
    assertThat(page.get("numberReturned").asInt()).isEqualTo(1);
    assertThat(page.get("features").get(0).get("properties").get("sourceId").asString()).isEqualTo("BVH-002");
    assertThat(page.get("features").get(0).get("properties").get("occurredAt").asString()).isEqualTo("2024-03-02");

    assertThat(json(analyst.get("/api/v1/incidents?municipality=GM0268")).get("numberMatched").asLong()).isEqualTo(1);
  }

  @Test
  void incidentsReadBackAsCsvInTheImportFormat() {
    admin.upload("/api/v1/import/incidents", fixture("incidents-valid.csv"));

    HttpResponse<String> csv = analyst.get("/api/v1/incidents?format=csv&municipality=GM0200");

    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(csv.body()).isEqualTo("""
        source_id,category,occurred_at,x,y,precision,demo,modus
        BVH-001,woninginbraak,2024-03-01T21:30:00+01:00,194215,469380,address,false,raam geforceerd
        """);
  }

  @Test
  void badIncidentFiltersAre400NamingTheParameter() {
    Map<String, String> bad = Map.of(
        "from", "/api/v1/incidents?from=gisteren",
        "to", "/api/v1/incidents?from=2024-03-02&to=2024-03-01",
        "category", "/api/v1/incidents?category=fietsen",
        "municipality", "/api/v1/incidents?municipality=GM0344",
        "limit", "/api/v1/incidents?limit=0",
        "format", "/api/v1/incidents?format=xlsx");
    bad.forEach((parameter, path) -> assertThat(problem(analyst.get(path), 400).get("invalidParams").get(0)
        .get("name").asString()).as(path).isEqualTo(parameter));
  }

  @Test
  void rawPointsAreForAnalystsOnly() {
    for (String path : List.of("/api/v1/incidents", "/api/v1/hemp-sites", "/api/v1/holiday-parks",
        "/api/v1/omg-clubhouses")) {
      problem(admin.get(path), 403);
      assertThat(analyst.get(path).statusCode()).as(path).isEqualTo(200);
    }
  }

  @Test
  void riskLocationsReadBackAsGeoJson() {
    admin.upload("/api/v1/import/hemp-sites", fixture("hemp-sites-valid.csv"));
    admin.upload("/api/v1/import/holiday-parks", fixture("holiday-parks-valid.geojson"));
    admin.upload("/api/v1/import/omg-clubhouses", fixture("omg-clubhouses-valid.csv"));

    JsonNode hemp = json(analyst.get("/api/v1/hemp-sites"));
    assertThat(hemp.get("features")).isNotEmpty();
    JsonNode site = hemp.get("features").get(0);
    assertThat(site.get("properties").get("siteType").asString()).isEqualTo("business_premises");
    assertThat(site.get("properties").get("foundOn").asString()).isEqualTo("2024-05-02");
    assertThat(site.get("geometry").get("type").asString()).isEqualTo("Point");
    assertThat(json(analyst.get("/api/v1/holiday-parks?crs=EPSG:28992")).get("features").get(0).get("geometry")
        .get("type").asString()).isEqualTo("MultiPolygon");
    assertThat(json(analyst.get("/api/v1/omg-clubhouses")).get("features").get(0).get("properties").get("status")
        .asString()).isEqualTo("closed");
  }

  @Test
  void areaStatisticsAreShownAsEachRoleMaySeeThem() {
    assertThat(admin.upload("/api/v1/import/area-statistics", SharedGeodata.file("registered-crime-oost-nederland.csv"))
        .statusCode()).isEqualTo(200);
    admin.postJson("/api/v1/admin/users", Map.of("username", "gm-zutphen", "password", "lang-genoeg-wachtwoord",
        "role", "MUNICIPALITY", "municipality", "GM0301"));
    admin.postJson("/api/v1/admin/users", Map.of("username", "bbg-lid", "password", "lang-genoeg-wachtwoord",
        "role", "BBG"));
    String burglary2018 = "/api/v1/area-statistics?category=1.1.1&period=2018";

    JsonNode forAnalyst = json(analyst.get(burglary2018));
    assertThat(forAnalyst).hasSize(76);
    long total = 0;
    for (JsonNode cell : forAnalyst) {
      total += cell.get("count").asLong();
      assertThat(cell.get("suppressed").asBoolean()).isFalse();
      assertThat(cell.get("category").asString()).isEqualTo("1.1.1 Diefstal/inbraak woning");
    }
    assertThat(total).isEqualTo(6_083);

    JsonNode forZutphen = json(analyst.as("gm-zutphen", "lang-genoeg-wachtwoord").get(burglary2018));
    List<String> visible = new java.util.ArrayList<>();
    forZutphen.forEach(cell -> visible.add(cell.get("municipality").asString()));
    assertThat(visible).containsExactlyInAnyOrder("GM0301", "GM0213", "GM0262", "GM0285", "GM1876");

    JsonNode forBoard = json(analyst.as("bbg-lid", "lang-genoeg-wachtwoord").get(
        "/api/v1/area-statistics?category=1.4.2&period=2018"));
    assertThat(forBoard).hasSize(76).allSatisfy(cell -> {
      if (cell.get("suppressed").asBoolean()) {
        assertThat(cell.get("count").isNull()).isTrue();
      } else {
        assertThat(cell.get("count").asLong()).isGreaterThanOrEqualTo(10);
      }
    });
    assertThat(forBoard).anySatisfy(cell -> assertThat(cell.get("suppressed").asBoolean()).isTrue());
  }

  /** The inhabitants are kept between requests: an import of them shows in the next answer all the same. */
  @Test
  void importedInhabitantsShowInTheNextFigures() {
    String figures = "/api/v1/municipalities/GM0150/figures?from=2015-01-01&to=2015-02-01";
    json(analyst.get(figures));

    HttpResponse<String> response = admin.upload("/api/v1/import/population", "population.csv",
        "code,name,year,population,source\nGM0150,Deventer,2015,123456,test\n".getBytes(StandardCharsets.UTF_8));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode after = json(analyst.get(figures));
    assertThat(after.get("populationYear").asInt()).isEqualTo(2015);
    assertThat(after.get("population").asLong()).isEqualTo(123_456);
  }
}
