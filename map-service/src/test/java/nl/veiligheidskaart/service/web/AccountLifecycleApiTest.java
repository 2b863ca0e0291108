package nl.veiligheidskaart.service.web;

import static nl.veiligheidskaart.service.web.ApiClient.json;
import static nl.veiligheidskaart.service.web.ApiClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * Accounts over their life (listed, changed, disabled, reset, deleted, a user's own new password):
 * each change counts from the very next request, for HTTP Basic within the time a password is
 * remembered as for a session of the login form, and is an audit row saying which account and
 * what changed. Sign-ins and sign-outs are rows too, CSRF guards every call that a browser could
 * be made to send, and a burst of near-identical queries raises an alert.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "veiligheidskaart.demo-data=false",
    "veiligheidskaart.audit.differencing-queries=5"})
class AccountLifecycleApiTest extends FreshServiceApiTest {

  static final String PASSWORD = "lang-genoeg-wachtwoord";

  String base() {
    return baseUrl();
  }

  ApiClient admin() {
    return ApiClient.signedIn(base(), dataDir, "beheer");
  }

  ApiClient create(String username, String role, String municipality) {
    Map<String, String> account = new HashMap<>(Map.of("username", username, "password", PASSWORD, "role", role));
    if (municipality != null) {
      account.put("municipality", municipality);
    }
    assertThat(admin().postJson("/api/v1/admin/users", account).statusCode()).isEqualTo(201);
    return admin().as(username, PASSWORD);
  }

  /** The newest audit rows of a kind, as the ADMIN reads them. */
  JsonNode trail(String query) {
    HttpResponse<String> response = admin().get("/api/v1/admin/audit?" + query);
    assertThat(response.statusCode()).isEqualTo(200);
    return json(response);
  }

  @Test
  void theAdminListsAccountsWithoutTheirPasswords() {
    create("gm-lijst", "MUNICIPALITY", "GM0301");

    HttpResponse<String> list = admin().get("/api/v1/admin/users");

    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).doesNotContainIgnoringCase("password").doesNotContain("$2a$");
    List<JsonNode> accounts = StreamSupport.stream(json(list).spliterator(), false).toList();
    assertThat(accounts).extracting(account -> account.get("username").asString())
        .contains("analist", "beheer", "gm-lijst").isSorted();
    assertThat(accounts).filteredOn(account -> account.get("username").asString().equals("gm-lijst")).singleElement()
        .satisfies(account -> {
          assertThat(account.get("role").asString()).isEqualTo("MUNICIPALITY");
          assertThat(account.get("municipality").asString()).isEqualTo("GM0301");
          assertThat(account.get("enabled").asBoolean()).isTrue();
          assertThat(account.get("createdAt").isString()).isTrue();
        });
    problem(ApiClient.signedIn(base(), dataDir, "analist").get("/api/v1/admin/users"), 403);
  }

  @Test
  void everyAccountChangeIsAnAuditRowSayingWhichAccountAndWhatChanged() {
    create("gm-audit", "MUNICIPALITY", "GM0301");
    admin().patchJson("/api/v1/admin/users/gm-audit", Map.of("role", "BBG", "password", "een-nieuw-wachtwoord"));
    admin().patchJson("/api/v1/admin/users/gm-audit", Map.of("enabled", false));
    admin().delete("/api/v1/admin/users/gm-audit");

    JsonNode changes = trail("event=account-change&user=beheer&limit=4");
    assertThat(changes).extracting(row -> row.get("detail").asString()).containsExactly(
        "account 'gm-audit' deleted (role BBG)",
        "account 'gm-audit' changed: disabled",
        "account 'gm-audit' changed: role MUNICIPALITY (GM0301) -> BBG, password reset",
        "account 'gm-audit' created: role MUNICIPALITY, municipality GM0301");
    assertThat(changes.get(0).get("method").asString()).isEqualTo("DELETE");
    assertThat(changes.get(0).get("endpoint").asString()).isEqualTo("/api/v1/admin/users/gm-audit");
    assertThat(changes.get(0).get("role").asString()).isEqualTo("ADMIN");
    assertThat(changes.get(0).get("status").asInt()).isEqualTo(204);
    assertThat(changes.toString()).doesNotContain("een-nieuw-wachtwoord").doesNotContain(PASSWORD);
  }

  @Test
  void badChangesAre400NamingTheFieldAndUnknownAccounts404() {
    create("bbg-fout", "BBG", null);
    Map<String, Map<String, Object>> bad = Map.of(
        "role", Map.of("role", "BURGEMEESTER"),
        "municipality", Map.of("municipality", "GM0301"),
        "password", Map.of("password", "kort"));
    bad.forEach((field, body) -> assertThat(problem(admin().patchJson("/api/v1/admin/users/bbg-fout", body), 400)
        .get("invalidParams").get(0).get("name").asString()).as(field).isEqualTo(field));
    JsonNode withoutCode = problem(admin().patchJson("/api/v1/admin/users/bbg-fout", Map.of("role", "MUNICIPALITY")), 400);
    assertThat(withoutCode.get("invalidParams").get(0).get("name").asString()).isEqualTo("municipality");
    JsonNode outside = problem(admin().patchJson("/api/v1/admin/users/bbg-fout",
        Map.of("role", "MUNICIPALITY", "municipality", "GM0344")), 400);
    assertThat(outside.get("detail").asString()).isEqualTo("'GM0344' is not the code of a municipality in Oost-Nederland");

    problem(admin().patchJson("/api/v1/admin/users/niemand", Map.of("enabled", false)), 404);
    problem(admin().delete("/api/v1/admin/users/niemand"), 404);
    assertThat(admin().as("bbg-fout", PASSWORD).get("/api/v1/viewer-config").statusCode())
        .as("nothing half-changed").isEqualTo(200);
    assertThat(json(admin().as("bbg-fout", PASSWORD).get("/api/v1/viewer-config")).at("/user/role").asString())
        .isEqualTo("BBG");
  }

  @Test
  void theLastEnabledAdminCanBeNeitherDisabledNorDemotedNorDeleted() {
    problem(admin().patchJson("/api/v1/admin/users/beheer", Map.of("enabled", false)), 409);
    problem(admin().patchJson("/api/v1/admin/users/beheer", Map.of("role", "ANALYST")), 409);
    assertThat(problem(admin().delete("/api/v1/admin/users/beheer"), 409).get("detail").asString())
        .contains("last enabled ADMIN");

    ApiClient second = create("tweede-beheer", "ADMIN", null);
    assertThat(second.patchJson("/api/v1/admin/users/beheer", Map.of("enabled", false)).statusCode()).isEqualTo(200);
    problem(admin().get("/api/v1/admin/users"), 401);
    problem(second.delete("/api/v1/admin/users/tweede-beheer"), 409);
    assertThat(second.patchJson("/api/v1/admin/users/beheer", Map.of("enabled", true)).statusCode()).isEqualTo(200);
    assertThat(admin().delete("/api/v1/admin/users/tweede-beheer").statusCode()).isEqualTo(204);
  }

  /** Within the five minutes a password is remembered, a change still counts on the next request. */
  @Test
  void withHttpBasicAChangeCountsOnTheNextRequest() {
    ApiClient user = create("bbg-basic", "BBG", null);
    assertThat(user.get("/api/v1/viewer-config").statusCode()).isEqualTo(200);

    admin().patchJson("/api/v1/admin/users/bbg-basic", Map.of("enabled", false));
    problem(user.get("/api/v1/viewer-config"), 401);
    admin().patchJson("/api/v1/admin/users/bbg-basic", Map.of("enabled", true));
    assertThat(user.get("/api/v1/viewer-config").statusCode()).isEqualTo(200);

    admin().patchJson("/api/v1/admin/users/bbg-basic", Map.of("role", "ANALYST"));
    assertThat(user.get("/api/v1/incidents?limit=1").statusCode()).as("the new role at once").isEqualTo(200);

    admin().patchJson("/api/v1/admin/users/bbg-basic", Map.of("password", "een-nieuw-wachtwoord"));
    problem(user.get("/api/v1/viewer-config"), 401);
    assertThat(user.as("bbg-basic", "een-nieuw-wachtwoord").get("/api/v1/viewer-config").statusCode()).isEqualTo(200);

    admin().delete("/api/v1/admin/users/bbg-basic");
    problem(user.as("bbg-basic", "een-nieuw-wachtwoord").get("/api/v1/viewer-config"), 401);
    JsonNode refused = trail("user=bbg-basic&limit=1").get(0);
    assertThat(refused.get("event").asString()).isEqualTo("sign-in-failed");
    assertThat(refused.get("status").asInt()).isEqualTo(401);
  }

  @Test
  void aSessionEndsOnTheNextRequestAfterItsAccountChanged() {
    Map<String, Map<String, Object>> changes = Map.of(
        "the account was disabled", Map.of("enabled", false),
        "the password was changed", Map.of("password", "een-nieuw-wachtwoord"),
        "the role or municipality was changed", Map.of("municipality", "GM0200"));
    int n = 0;
    for (Map.Entry<String, Map<String, Object>> change : changes.entrySet()) {
      String username = "gm-sessie-" + n++;
      create(username, "MUNICIPALITY", "GM0301");
      Browser browser = new Browser(base());
      assertThat(browser.signIn(username, PASSWORD).headers().firstValue("Location").orElseThrow())
          .doesNotContain("fout");
      assertThat(browser.get("/api/v1/viewer-config").statusCode()).isEqualTo(200);

      admin().patchJson("/api/v1/admin/users/" + username, change.getValue());

      problem(browser.get("/api/v1/viewer-config"), 401);
      JsonNode ended = trail("user=" + username + "&limit=1").get(0);
      assertThat(ended.get("event").asString()).isEqualTo("refused");
      assertThat(ended.get("detail").asString()).isEqualTo("session ended: " + change.getKey());
      problem(browser.get("/api/v1/viewer-config"), 401);
    }
    create("gm-weg", "MUNICIPALITY", "GM0301");
    Browser browser = new Browser(base());
    browser.signIn("gm-weg", PASSWORD);
    assertThat(browser.get("/api/v1/viewer-config").statusCode()).isEqualTo(200);
    admin().delete("/api/v1/admin/users/gm-weg");
    problem(browser.get("/api/v1/viewer-config"), 401);
    assertThat(trail("user=gm-weg&limit=1").get(0).get("detail").asString())
        .isEqualTo("session ended: the account was deleted");
  }

  @Test
  void signInsFailedSignInsAndSignOutsAreRows() {
    create("bbg-inlog", "BBG", null);
    Browser browser = new Browser(base());
    assertThat(browser.signIn("bbg-inlog", "fout-wachtwoord-123").headers().firstValue("Location").orElseThrow())
        .contains("fout");
    browser.signIn("bbg-inlog", PASSWORD);
    browser.signOut();
    problem(browser.get("/api/v1/viewer-config"), 401);

    JsonNode rows = trail("user=bbg-inlog&limit=10");
    assertThat(rows).extracting(row -> row.get("event").asString())
        .containsExactly("sign-out", "sign-in", "sign-in-failed");
    assertThat(rows.get(0).get("endpoint").asString()).isEqualTo("/logout");
    assertThat(rows.get(0).get("role").asString()).isEqualTo("BBG");
    assertThat(rows.get(1).get("endpoint").asString()).isEqualTo("/login");
    assertThat(rows.get(1).get("status").asInt()).isEqualTo(302);
    assertThat(rows.get(2).get("role").isNull()).isTrue();
    assertThat(rows.toString()).doesNotContain("fout-wachtwoord-123").doesNotContain(PASSWORD);
    assertThat(json(admin().get("/api/v1/admin/audit?event=sign-in&limit=1")).get(0).get("username").asString())
        .isEqualTo("bbg-inlog");
    assertThat(problem(admin().get("/api/v1/admin/audit?event=login"), 400).get("invalidParams").get(0).get("name")
        .asString()).isEqualTo("event");
  }

  @Test
  void aUserChangesTheirOwnPasswordFromTheViewerWithTheCsrfToken() {
    create("bbg-eigen", "BBG", null);
    Browser browser = new Browser(base());
    browser.signIn("bbg-eigen", PASSWORD);
    Map<String, String> change = Map.of("currentPassword", PASSWORD, "newPassword", "mijn-eigen-nieuwe-wachtwoord");

    problem(browser.putJson("/api/v1/account/password", change, false), 403);
    assertThat(problem(browser.putJson("/api/v1/account/password",
        Map.of("currentPassword", "niet-mijn-wachtwoord", "newPassword", "mijn-eigen-nieuwe-wachtwoord"), true), 400)
        .get("invalidParams").get(0).get("name").asString()).isEqualTo("currentPassword");
    assertThat(problem(browser.putJson("/api/v1/account/password",
        Map.of("currentPassword", PASSWORD, "newPassword", "kort"), true), 400)
        .get("invalidParams").get(0).get("name").asString()).isEqualTo("newPassword");
    assertThat(browser.putJson("/api/v1/account/password", change, true).statusCode()).isEqualTo(204);

    problem(browser.get("/api/v1/viewer-config"), 401);
    problem(admin().as("bbg-eigen", PASSWORD).get("/api/v1/viewer-config"), 401);
    ApiClient renewed = admin().as("bbg-eigen", "mijn-eigen-nieuwe-wachtwoord");
    assertThat(renewed.get("/api/v1/viewer-config").statusCode()).isEqualTo(200);
    assertThat(renewed.putJson("/api/v1/account/password", Map.of("currentPassword", "mijn-eigen-nieuwe-wachtwoord",
        "newPassword", PASSWORD)).statusCode()).as("API clients need no CSRF token").isEqualTo(204);
    assertThat(trail("user=bbg-eigen&event=account-change&limit=1").get(0).get("detail").asString())
        .isEqualTo("account 'bbg-eigen' changed: own password");
  }

  /** A browser sends cookies and remembered Basic credentials by itself: only a call by its own header alone skips CSRF. */
  @Test
  void anAuthorizationHeaderBesideASessionCookieStillNeedsTheCsrfToken() {
    ApiClient admin = admin();
    Browser browser = new Browser(base());
    browser.signIn("beheer", ApiClient.initialCredentials(dataDir).get("beheer"));
    assertThat(browser.hasSession()).isTrue();
    Map<String, String> account = Map.of("username", "csrf-proef", "password", PASSWORD, "role", "BBG");

    problem(browser.postJsonWithAuthorization("/api/v1/admin/users", account, admin.authorization()), 403);
    assertThat(trail("user=beheer&limit=1").get(0).get("event").asString()).isEqualTo("refused");
    assertThat(admin.get("/api/v1/admin/users").body()).doesNotContain("csrf-proef");

    HttpResponse<String> crossSite = admin.postJsonFrom("/api/v1/admin/users", account, "cross-site");
    problem(crossSite, 403);
    assertThat(admin.postJson("/api/v1/admin/users", account).statusCode())
        .as("a script with only its own header").isEqualTo(201);
  }

  @Test
  void aBurstOfNearIdenticalQueriesRaisesOneAlertForTheAdmin() {
    ApiClient board = create("bbg-verschil", "BBG", null);
    ApiClient analyst = create("analist-verschil", "ANALYST", null);
    for (int month = 1; month <= 8; month++) {
      String query = "/api/v1/municipalities/GM0150/figures?category=woninginbraak&from=2025-0" + month
          + "-01&to=2025-0" + (month + 1) + "-01";
      assertThat(board.get(query).statusCode()).isEqualTo(200);
      assertThat(analyst.get(query).statusCode()).isEqualTo(200);
    }

    JsonNode alerts = trail("event=alert&limit=100");
    assertThat(alerts).filteredOn(alert -> alert.get("username").asString().equals("bbg-verschil")).singleElement()
        .satisfies(alert -> {
          assertThat(alert.get("role").asString()).isEqualTo("BBG");
          assertThat(alert.get("endpoint").asString()).isEqualTo("/api/v1/municipalities/GM0150/figures");
          assertThat(alert.get("detail").asString()).isEqualTo("More than 5 near-identical queries within 10 minutes "
              + "to GET /api/v1/municipalities/GM0150/figures, differing only in from, to "
              + "(a possible differencing attempt)");
        });
    assertThat(alerts).as("analysts see every count anyway")
        .noneMatch(alert -> alert.get("username").asString().equals("analist-verschil"));
  }
}
