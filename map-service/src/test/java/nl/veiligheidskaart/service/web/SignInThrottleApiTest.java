package nl.veiligheidskaart.service.web;

import static nl.veiligheidskaart.service.web.ApiClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Guessing passwords: after 5 failed sign-ins for an account, or 20 from one address, within 15
 * minutes, further sign-ins answer 429 with Retry-After and cost no password check; each attempt
 * is an audit row with the name that was tried. The clients come from different addresses through
 * the TLS proxy (X-Forwarded-For from the local address), as users behind it do.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "veiligheidskaart.demo-data=false")
class SignInThrottleApiTest extends FreshServiceApiTest {

  static final HttpClient HTTP = HttpClient.newHttpClient();

  @Autowired
  JdbcTemplate jdbc;

  ApiClient admin() {
    return signedIn("beheer");
  }

  @Test
  void threeHundredWrongPasswordsMeet429sAndEachIsAnAuditRowWithTheTriedName() {
    String password = ApiClient.initialCredentials(dataDir).get("analist");
    assertThat(from("10.0.1.1", "analist", password).statusCode()).isEqualTo(200);

    long start = System.nanoTime();
    List<HttpResponse<String>> answers = new ArrayList<>();
    for (int attempt = 0; attempt < 300; attempt++) {
      answers.add(from("10.0.2." + (attempt % 200), "analist", "geraden-wachtwoord-" + attempt));
    }
    double seconds = (System.nanoTime() - start) / 1e9;

    assertThat(answers.subList(0, 5)).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(401));
    assertThat(answers.subList(5, 300)).allSatisfy(answer -> {
      JsonNode body = problem(answer, 429);
      assertThat(body.get("detail").asString()).startsWith("Too many failed sign-ins");
      assertThat(Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 900L);
    });
    Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE username = 'analist' "
        + "AND event = 'sign-in-failed' AND endpoint = '/api/v1/viewer-config'", Integer.class);
    assertThat(rows).isEqualTo(300);
    assertThat(from("10.0.1.1", "analist", password).statusCode())
        .as("the user's remembered password still works while guesses are refused").isEqualTo(200);
    System.out.printf("300 wrong passwords answered in %.1f s%n", seconds);
  }

  @Test
  void anAddressWithTwentyFailuresIsRefusedForEveryNameWhileOthersSignIn() {
    admin().postJson("/api/v1/admin/users", Map.of("username", "bbg-adres", "password", "lang-genoeg-wachtwoord",
        "role", "BBG"));
    for (int name = 0; name < 20; name++) {
      assertThat(from("10.0.3.1", "naam-" + name, "geraden-wachtwoord").statusCode()).isEqualTo(401);
    }

    problem(from("10.0.3.1", "bbg-adres", "lang-genoeg-wachtwoord"), 429);
    assertThat(from("10.0.3.2", "bbg-adres", "lang-genoeg-wachtwoord").statusCode()).isEqualTo(200);
    Integer tried = jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE username LIKE 'naam-%' "
        + "AND event = 'sign-in-failed' AND status = 401", Integer.class);
    assertThat(tried).isEqualTo(20);
  }

  @Test
  void theLoginFormIsThrottledToo() {
    admin().postJson("/api/v1/admin/users", Map.of("username", "bbg-formulier", "password", "lang-genoeg-wachtwoord",
        "role", "BBG"));
    for (int attempt = 0; attempt < 5; attempt++) {
      from("10.0.4.1", "bbg-formulier", "geraden-wachtwoord");
    }

    HttpResponse<String> login = new Browser(baseUrl()).signIn("bbg-formulier", "lang-genoeg-wachtwoord");

    problem(login, 429);
    assertThat(login.headers().firstValue("Retry-After")).isPresent();
    Map<String, Object> row = jdbc.queryForMap("SELECT event, endpoint, status FROM audit_entry "
        + "WHERE username = 'bbg-formulier' ORDER BY id DESC LIMIT 1");
    assertThat(row).containsEntry("EVENT", "sign-in-failed").containsEntry("ENDPOINT", "/login")
        .containsEntry("STATUS", 429);
  }

  /** A Basic sign-in from a client at {@code address}. */
  private HttpResponse<String> from(String address, String username, String password) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/viewer-config"))
        .header("X-Forwarded-For", address)
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (username + ":" + password).getBytes(StandardCharsets.UTF_8)))
        .GET().build();
    return ApiClient.send(HTTP, request);
  }
}
