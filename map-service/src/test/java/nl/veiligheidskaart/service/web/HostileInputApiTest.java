package nl.veiligheidskaart.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nl.veiligheidskaart.service.SharedGeodata;
import nl.veiligheidskaart.service.audit.AuditEntryEntity;
import nl.veiligheidskaart.service.audit.AuditEntryRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * Every query parameter and path variable of the read API, fed hostile values — SQL, LIKE
 * wildcards, overlong text, control characters, impossible numbers and dates, analyses of a
 * period running to the year 9999 or of cells larger than the region: the answer is an answer
 * (200) or a client error with problem+json, never a server error, and it comes within the
 * request deadline.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "veiligheidskaart.demo-data=false",
    // hundreds of analyses in seconds: every one must reach the validation, not the rate limit
    "veiligheidskaart.limits.heavy-requests-per-minute=100000",
    "veiligheidskaart.limits.heavy-requests-at-once=100"})
class HostileInputApiTest extends FreshServiceApiTest {

  @Autowired
  AuditEntryRepository audit;

  static final List<String> HOSTILE = List.of("' OR '1'='1", "1; DROP TABLE incident; --", "\" UNION SELECT password_hash FROM user_account --",
      "x".repeat(5_000), "\u0000", "../../etc/passwd", "ÿ€\uD83D\uDE00", "-1", "1e309", "NaN", "9999999999999999999",
      "2026-13-45", "{\"$gt\":\"\"}", "=HYPERLINK(\"http://x\")", " ", "");

  /** No filter takes these for a value: each is refused with 400 naming the filter, never run. */
  static final List<String> SQL_INJECTION = HOSTILE.subList(0, 3);

  /** Besides those, for query parameters: wildcards, sizes beyond any map, and the end of time. */
  static final List<String> QUERY_VALUES = Stream.concat(HOSTILE.stream(),
      Stream.of("%", "_", "1e7", "1e308", "-1e308", "0.001", "9999-12-31")).toList();

  /** Each answer, refusals included, comes within this: every analysis's cost is bounded before it starts. */
  static final Duration DEADLINE = Duration.ofSeconds(20);

  /** {v} is replaced by each hostile value, URL-encoded. */
  static final List<String> QUERIES = List.of(
      "/api/v1/municipalities?crs={v}",
      "/api/v1/municipalities/GM0150/figures?category={v}",
      "/api/v1/municipalities/GM0150/figures?from={v}",
      "/api/v1/incidents?category={v}", "/api/v1/incidents?municipality={v}", "/api/v1/incidents?from={v}",
      "/api/v1/incidents?to={v}", "/api/v1/incidents?limit={v}", "/api/v1/incidents?offset={v}",
      "/api/v1/incidents?format={v}", "/api/v1/incidents?crs={v}",
      "/api/v1/area-statistics?category={v}", "/api/v1/area-statistics?period={v}",
      "/api/v1/area-statistics?municipality={v}",
      "/api/v1/analysis/hotspots?area={v}", "/api/v1/analysis/hotspots?cellSize={v}",
      "/api/v1/analysis/hotspots?distanceBand={v}", "/api/v1/analysis/hotspots?permutations={v}",
      "/api/v1/analysis/hotspots?category={v}", "/api/v1/analysis/density?bandwidth={v}",
      "/api/v1/analysis/density?cellSize={v}", "/api/v1/analysis/emerging-hotspots?step={v}",
      "/api/v1/analysis/hotspots/municipalities?source={v}", "/api/v1/analysis/hotspots/municipalities?measure={v}",
      "/api/v1/analysis/displacement?target={v}&category=woninginbraak&interventionDate=2024-03-01",
      "/api/v1/analysis/displacement?target=GM0150&category=woninginbraak&interventionDate={v}",
      "/api/v1/analysis/displacement?target=GM0150&category=woninginbraak&interventionDate=2024-03-01&window={v}",
      "/api/v1/analysis/displacement?target=GM0150&category=woninginbraak&buffer={v}&interventionDate=2024-03-01",
      "/api/v1/tiles/municipalities/8/132/84.mvt?measure={v}", "/api/v1/tiles/incidents/8/132/84.png?from={v}",
      "/api/v1/tiles/heatmap.json?format={v}", "/api/v1/tiles/incidents/8/132/84.mvt?category={v}",
      "/ogc/collections/incidents/items?bbox={v}", "/ogc/collections/incidents/items?datetime={v}",
      "/ogc/collections/incidents/items?limit={v}", "/ogc/collections/incidents/items?offset={v}",
      "/ogc/collections/incidents/items?crs={v}", "/ogc/collections/municipalities/items?bbox-crs={v}&bbox=1,2,3,4",
      "/api/v1/briefings/VR04?period={v}", "/api/v1/admin/audit?from={v}",
      "/api/v1/analysis/clusters?category=woninginbraak&area=GM0150&cellSize={v}",
      "/api/v1/analysis/hotspots?category=woninginbraak&area=GM0150&cellSize={v}",
      "/api/v1/analysis/emerging-hotspots?category=woninginbraak&area=GM0150&cellSize=250&from=2025-01-01&to={v}",
      "/api/v1/analysis/emerging-hotspots?category=woninginbraak&area=VR04&cellSize=100&from={v}&to=2026-01-01",
      "/api/v1/analysis/emerging-hotspots?category=woninginbraak&area=GM0150&cellSize={v}&from=2025-01-01&to=2026-01-01",
      "/api/v1/analysis/density?category=woninginbraak&area=GM0150&cellSize={v}");

  /** Filters that match text: a LIKE wildcard in them is a 400, not a match of everything. */
  static final List<String> TEXT_FILTERS = List.of("/api/v1/area-statistics?category={v}",
      "/api/v1/incidents?category={v}", "/api/v1/municipalities/GM0150/figures?category={v}");

  static final List<String> PATHS = List.of("/api/v1/municipalities/{v}", "/api/v1/districts/{v}",
      "/api/v1/municipalities/{v}/figures", "/api/v1/tiles/{v}/8/132/84.png", "/api/v1/tiles/municipalities/{v}/1/1.mvt",
      "/api/v1/tiles/municipalities/8/{v}/84.mvt", "/ogc/collections/{v}/items", "/ogc/collections/incidents/items/{v}",
      "/api/v1/briefings/{v}");

  static ApiClient analyst;
  static ApiClient admin;

  @BeforeAll
  static void accounts(@org.springframework.beans.factory.annotation.Value("${local.server.port}") int port) {
    analyst = ApiClient.signedIn("http://localhost:" + port, dataDir, "analist");
    admin = ApiClient.signedIn("http://localhost:" + port, dataDir, "beheer");
    // The registered-crime table: text filters then have rows that a wildcard would match.
    var imported = admin.upload("/api/v1/import/area-statistics",
        SharedGeodata.file("registered-crime-oost-nederland.csv"));
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
  }

  @Test
  void hostileQueryParametersGetClientErrorsNeverServerErrors() {
    List<String> sqlTaken = new ArrayList<>();
    for (String template : QUERIES) {
      for (String value : QUERY_VALUES) {
        String path = template.replace("{v}", URLEncoder.encode(value, StandardCharsets.UTF_8));
        long started = System.nanoTime();
        HttpResponse<String> response = (path.startsWith("/api/v1/admin") ? admin : analyst).get(path);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("%s with %.40s", template, value)
            .isLessThan(DEADLINE);
        assertThat(response.statusCode()).as("%s with %.40s", template, value).isLessThan(500).isNotEqualTo(429);
        if (SQL_INJECTION.contains(value) && response.statusCode() != 400) {
          sqlTaken.add(template + " with " + value + " → " + response.statusCode());
        }
        if (response.statusCode() >= 400) {
          assertThat(response.headers().firstValue("Content-Type").orElse("")).as("%s with %.40s", template, value)
              .startsWith("application/problem+json");
        }
      }
    }
    assertThat(sqlTaken).as("filters that took SQL for a value").isEmpty();
  }

  @Test
  void likeWildcardsInTextFiltersAreRefusedNotMatched() {
    for (String template : TEXT_FILTERS) {
      for (String wildcard : List.of("%", "_", "1.1.%", "%inbraak%", "\\%")) {
        HttpResponse<String> response = analyst.get(template.replace("{v}",
            URLEncoder.encode(wildcard, StandardCharsets.UTF_8)));
        ApiClient.problem(response, 400);
      }
    }
    // the code prefix a wildcard imitated still works
    assertThat(analyst.get("/api/v1/area-statistics?category=1.1.1&period=2018").statusCode()).isEqualTo(200);
  }

  @Test
  void hostilePathVariablesGetClientErrorsNeverServerErrors() {
    for (String template : PATHS) {
      for (String value : HOSTILE) {
        String path = template.replace("{v}", URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
        HttpResponse<String> response = analyst.get(path);
        assertThat(response.statusCode()).as("%s with %.40s", template, value).isLessThan(500);
      }
    }
  }

  /**
   * A client that hangs up on a long analysis takes its work with it: the analysis stops at its
   * next step, and the audit row says 499 (client closed request). Had it run on, the row would say
   * 200, since a container learns of a lost client only when it writes the answer.
   */
  @Test
  void analysisWhoseClientHangsUpIsStopped() throws Exception {
    String path = "/api/v1/analysis/emerging-hotspots?category=woninginbraak&cellSize=250&step=month"
        + "&from=2024-01-01&to=2026-01-01";
    try (Socket socket = new Socket("localhost", port)) {
      socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
          + analyst.authorization() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      Thread.sleep(500);
    }
    long hungUp = System.nanoTime();
    AuditEntryEntity row = null;
    while (row == null && System.nanoTime() - hungUp < DEADLINE.toNanos()) {
      Thread.sleep(100);
      row = audit.findAll(PageRequest.of(0, 20, Sort.by(Sort.Direction.DESC, "id"))).stream()
          .filter(entry -> entry.getEndpoint().equals("/api/v1/analysis/emerging-hotspots")).findFirst().orElse(null);
    }
    assertThat(row).as("the audit row of the abandoned analysis").isNotNull();
    assertThat(row.getStatus()).as("status of the abandoned analysis").isEqualTo(499);
  }
}
