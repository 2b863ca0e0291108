package nl.veiligheidskaart.service.web;

import static nl.veiligheidskaart.service.web.ApiClient.json;
import static nl.veiligheidskaart.service.web.ApiClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * Abuse resistance with small limits: 413 for bodies and uploads over the limit (nothing
 * imported), 429 with Retry-After for heavy requests beyond a user's pace or beyond what already
 * runs for that user, while other users and light requests go on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "veiligheidskaart.demo-data=false",
    "veiligheidskaart.limits.heavy-requests-per-minute=3",
    "veiligheidskaart.limits.heavy-requests-at-once=1",
    "veiligheidskaart.limits.json-body-kilobytes=4",
    "spring.servlet.multipart.max-file-size=100KB",
    "spring.servlet.multipart.max-request-size=100KB"})
class RequestLimitsApiTest extends FreshServiceApiTest {

  static final String HEAVY = "/api/v1/analysis/hotspots?category=woninginbraak&area=GM0150";

  ApiClient user(String username, String role) {
    ApiClient admin = signedIn("beheer");
    admin.postJson("/api/v1/admin/users", Map.of("username", username, "password", "lang-genoeg-wachtwoord",
        "role", role));
    return admin.as(username, "lang-genoeg-wachtwoord");
  }

  @Test
  void aJsonBodyOverTheLimitIs413WhetherItsLengthIsGivenOrNot() throws Exception {
    ApiClient analyst = user("analist-body", "ANALYST");
    String large = "x".repeat(5 * 1024);
    JsonNode snapshot = problem(analyst.postJson("/api/v1/snapshots", Map.of("area", "GM0150", "title", large)), 413);
    assertThat(snapshot.get("detail").asString()).contains("4 kB");
    problem(signedIn("beheer").postJson("/api/v1/admin/users",
        Map.of("username", "iemand", "password", large, "role", "BBG")), 413);

    // chunked: no Content-Length to go by
    HttpRequest chunked = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/snapshots"))
        .header("Authorization", analyst.authorization()).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
            ("{\"area\":\"GM0150\",\"title\":\"" + large + "\"}").getBytes(StandardCharsets.UTF_8)))).build();
    HttpResponse<String> response = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
    problem(response, 413);

    assertThat(analyst.postJson("/api/v1/snapshots", Map.of("area", "GM0150", "title", "Klein genoeg", "format", "png",
        "dpi", 72)).statusCode()).as("a body within the limit still goes through").isEqualTo(200);
  }

  @Test
  void anUploadOverTheLimitIs413AndImportsNothing() throws IOException {
    ApiClient admin = user("beheer-upload", "ADMIN");
    Path large = dataDir.resolve("incidents-large.csv");
    StringBuilder csv = new StringBuilder("source_id,category,occurred_at,x,y\n");
    for (int i = 0; csv.length() < 200 * 1024; i++) {
      csv.append("GROOT-").append(i).append(",woninginbraak,2024-03-01,194215,469380\n");
    }
    Files.writeString(large, csv);

    problem(admin.upload("/api/v1/import/incidents", large), 413);

    ApiClient analyst = signedIn("analist");
    assertThat(json(analyst.get("/api/v1/incidents?limit=1")).get("numberMatched").asLong()).isZero();
  }

  @Test
  void heavyRequestsBeyondAUsersPaceAre429WithRetryAfterWhileOthersGoOn() {
    ApiClient hurried = user("analist-haast", "ANALYST");
    for (int i = 0; i < 3; i++) {
      assertThat(hurried.get(HEAVY).statusCode()).as("request " + (i + 1)).isNotEqualTo(429);
    }
    HttpResponse<String> refused = hurried.get(HEAVY);
    assertThat(problem(refused, 429).get("detail").asString()).contains("3 analyses");
    assertThat(Integer.parseInt(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 20);

    assertThat(hurried.get("/api/v1/municipalities").statusCode()).as("light requests are not limited").isEqualTo(200);
    assertThat(user("analist-rustig", "ANALYST").get(HEAVY).statusCode()).as("another user").isNotEqualTo(429);
    JsonNode trail = json(signedIn("beheer")
        .get("/api/v1/admin/audit?user=analist-haast&limit=5"));
    assertThat(trail.findValuesAsString("status")).as("refused requests are audited").contains("429");
  }

  @Test
  void aSecondHeavyRequestWhileTheFirstRunsIs429() throws InterruptedException {
    ApiClient analyst = user("analist-tegelijk", "ANALYST");
    // an A3 page at 600 dpi takes seconds to draw
    CompletableFuture<HttpResponse<byte[]>> large = CompletableFuture.supplyAsync(() -> analyst.postForBytes(
        "/api/v1/snapshots", Map.of("area", "GM0150", "title", "Groot", "format", "png", "pageSize", "A3",
            "dpi", 600)));
    Thread.sleep(500);
    HttpResponse<String> second = null;
    for (int attempt = 0; attempt < 50 && !large.isDone(); attempt++) {
      second = analyst.get(HEAVY);
      if (second.statusCode() == 429) {
        break;
      }
    }
    assertThat(second).isNotNull();
    assertThat(problem(second, 429).get("detail").asString()).contains("running");
    assertThat(large.join().statusCode()).isEqualTo(200);
  }
}
