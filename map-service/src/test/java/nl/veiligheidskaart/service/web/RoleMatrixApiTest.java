package nl.veiligheidskaart.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.veiligheidskaart.service.audit.AuditEntryEntity;
import nl.veiligheidskaart.service.audit.AuditEntryRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * Every endpoint against every role (DESIGN.md, privacy and access), on the demo data: A marks
 * ANALYST, M a MUNICIPALITY account (Zutphen, asking about Deventer, which is not its neighbour, or
 * about itself where marked), B the BBG, D the ADMIN (imports, accounts and the audit trail, and
the public reference geography and statistics; no figures drawn from incidents). Allowed means any answer but 401 and 403;
 * denied means 403. Without an account every call is refused: 401, or for a POST, PUT, PATCH or
 * DELETE 403 because the CSRF check comes before authentication. Every refusal, wherever it is
 * decided (URL rules, CSRF, controllers), is an audit row naming who tried and with what outcome.
 */
class RoleMatrixApiTest extends DemoServiceApiTest {

  @Autowired
  AuditEntryRepository audit;

  /** A call and the roles (of A, M, B, D) that may make it. */
  record Call(String method, String path, String allowed) {
  }

  static final List<Call> MATRIX = List.of(
      new Call("GET", "/api/v1/viewer-config", "AMBD"),
      new Call("GET", "/api/v1/municipalities", "AMBD"),
      new Call("GET", "/api/v1/municipalities/GM0150", "AMBD"),
      new Call("GET", "/api/v1/districts/VR04", "AMBD"),
      new Call("GET", "/api/v1/municipalities/GM0150/figures", "AB"),
      new Call("GET", "/api/v1/municipalities/GM0301/figures", "AMB"),
      new Call("GET", "/api/v1/area-statistics?category=1.1.1&period=2018", "AMBD"),
      new Call("GET", "/api/v1/incidents?limit=1", "A"),
      new Call("GET", "/api/v1/incidents?format=csv&limit=1", "A"),
      new Call("GET", "/api/v1/hemp-sites", "A"),
      new Call("GET", "/api/v1/holiday-parks", "A"),
      new Call("GET", "/api/v1/omg-clubhouses", "A"),
      new Call("GET", "/api/v1/analysis/hotspots?category=woninginbraak&area=GM0150", "A"),
      new Call("GET", "/api/v1/analysis/clusters?category=woninginbraak&area=GM0150&permutations=99", "A"),
      new Call("GET", "/api/v1/analysis/density?category=woninginbraak&area=GM0150", "A"),
      new Call("GET", "/api/v1/analysis/risk-terrain?category=hennep&area=GM0150", "A"),
      new Call("GET", "/api/v1/analysis/near-repeat?category=woninginbraak&area=GM0150&permutations=19", "A"),
      new Call("GET", "/api/v1/analysis/time-profile?category=woninginbraak&area=GM0150", "AB"),
      new Call("GET", "/api/v1/analysis/time-profile?category=woninginbraak&area=GM0301", "AMB"),
      new Call("GET", "/api/v1/analysis/hotspots/municipalities?source=statistics&category=1.1.1&period=2018", "A"),
      new Call("GET", "/api/v1/analysis/displacement?target=GM0150&category=woninginbraak&interventionDate=2025-06-01",
          "AB"),
      new Call("GET", "/api/v1/analysis/displacement?target=GM0301&category=woninginbraak&interventionDate=2025-06-01",
          "AMB"),
      new Call("GET", "/api/v1/analysis/displacement/overview?category=woninginbraak&interventionDate=2025-06-01",
          "AMB"),
      new Call("GET", "/api/v1/tiles/municipalities/8/132/84.mvt", "AMB"),
      new Call("GET", "/api/v1/tiles/municipalities/8/132/84.png", "AMB"),
      new Call("GET", "/api/v1/tiles/incidents/14/8466/5395.mvt", "AMB"),
      new Call("GET", "/api/v1/tiles/heatmap/8/132/84.png", "A"),
      new Call("GET", "/api/v1/tiles/hotspots/8/132/84.mvt", "A"),
      new Call("GET", "/api/v1/tiles/risk-terrain/8/132/84.png?category=hennep", "A"),
      new Call("GET", "/api/v1/tiles/hemp-sites/8/132/84.mvt", "A"),
      new Call("GET", "/api/v1/tiles/holiday-parks/8/132/84.png", "A"),
      new Call("GET", "/api/v1/tiles/omg-clubhouses/8/132/84.png", "A"),
      new Call("GET", "/api/v1/tiles/heatmap.json", "A"),
      new Call("GET", "/api/v1/tiles/municipalities.json", "AMB"),
      new Call("GET", "/ogc", "AMBD"),
      new Call("GET", "/ogc/collections", "AMBD"),
      new Call("GET", "/ogc/collections/municipalities/items?limit=1", "AMBD"),
      new Call("GET", "/ogc/collections/incidents/items?limit=1", "A"),
      new Call("GET", "/ogc/collections/hemp-sites/items?limit=1", "A"),
      new Call("POST", "/api/v1/snapshots", "AMB"),
      new Call("GET", "/api/v1/briefings/VR04", "A"),
      new Call("GET", "/api/v1/briefings/unit", "AB"),
      new Call("GET", "/api/v1/monitor?area=unit", "ABD"),
      new Call("GET", "/api/v1/monitor?area=GM0301&source=incidents", "AMB"),
      new Call("GET", "/api/v1/monitor?area=GM0150&source=incidents", "AB"),
      new Call("GET", "/api/v1/profiles/GM0301", "AMB"),
      new Call("GET", "/api/v1/profiles/GM0150", "AB"),
      new Call("GET", "/api/v1/profiles/unit", "AB"),
      new Call("GET", "/api/v1/hemp-figures?area=VR06", "AMB"),
      new Call("GET", "/api/v1/hemp-figures?area=GM0150", "AB"),
      new Call("GET", "/api/v1/admin/audit", "D"),
      new Call("POST", "/api/v1/admin/users", "D"),
      new Call("GET", "/api/v1/admin/users", "D"),
      new Call("PATCH", "/api/v1/admin/users/niemand", "D"),
      new Call("DELETE", "/api/v1/admin/users/niemand", "D"),
      new Call("POST", "/api/v1/admin/backup", "D"),
      new Call("PUT", "/api/v1/account/password", "AMBD"),
      new Call("POST", "/api/v1/import/incidents", "D"),
      new Call("GET", "/api/v1/interventions", "AMB"),
      new Call("GET", "/api/v1/interventions/export", "AMB"),
      new Call("POST", "/api/v1/interventions", "AM"),
      new Call("GET", "/api/v1/alerts", "AMB"),
      new Call("POST", "/api/v1/import/interventions", "D"),
      new Call("GET", "/api/v1/municipalities/GM0150/instruments", "AMBD"),
      new Call("PUT", "/api/v1/municipalities/GM0301/instruments", "AM"),
      new Call("PUT", "/api/v1/municipalities/GM0150/instruments", "A"),
      new Call("GET", "/api/v1/analysis/instrument-gaps", "AMB"),
      new Call("GET", "/api/v1/tiles/instrument-gaps/8/132/84.png", "AMB"));

  @Test
  void everyEndpointAnswersEveryRoleAsDesigned() {
    String base = "http://localhost:" + port;
    ApiClient admin = ApiClient.signedIn(base, DATA_DIR, "beheer");
    admin.postJson("/api/v1/admin/users", Map.of("username", "gm-zutphen", "password", "lang-genoeg-wachtwoord",
        "role", "MUNICIPALITY", "municipality", "GM0301"));
    admin.postJson("/api/v1/admin/users", Map.of("username", "bbg-lid", "password", "lang-genoeg-wachtwoord",
        "role", "BBG"));
    Map<Character, String> names = Map.of('A', "analist", 'M', "gm-zutphen", 'B', "bbg-lid", 'D', "beheer");
    Map<Character, ApiClient> roles = Map.of('A', ApiClient.signedIn(base, DATA_DIR, "analist"),
        'M', admin.as("gm-zutphen", "lang-genoeg-wachtwoord"), 'B', admin.as("bbg-lid", "lang-genoeg-wachtwoord"),
        'D', admin);
    List<String> wrong = new ArrayList<>();
    List<String> unaudited = new ArrayList<>();
    for (Call call : MATRIX) {
      for (char role : "AMBD".toCharArray()) {
        int status = send(roles.get(role), call).statusCode();
        boolean allowed = call.allowed().indexOf(role) >= 0;
        if (allowed ? status == 401 || status == 403 || status >= 500 : status != 403) {
          wrong.add(role + " " + call.method() + " " + call.path() + " → " + status);
        }
        if (!allowed && !auditedAsRefused(call, names.get(role), status)) {
          unaudited.add(role + " " + call.method() + " " + call.path() + " → " + status);
        }
      }
      int anonymous = send(admin.anonymous(), call).statusCode();
      if (anonymous != 401 && !(!call.method().equals("GET") && anonymous == 403)) {
        wrong.add("anonymous " + call.method() + " " + call.path() + " → " + anonymous);
      }
      if (!auditedAsRefused(call, "(none)", anonymous)) {
        unaudited.add("anonymous " + call.method() + " " + call.path() + " → " + anonymous);
      }
    }
    assertThat(wrong).as("calls that answered otherwise than designed").isEmpty();
    assertThat(unaudited).as("refusals without their audit row").isEmpty();
  }

  /** The newest row of the trail (stored before the answer went out) is this refusal, naming who tried. */
  private boolean auditedAsRefused(Call call, String username, int status) {
    AuditEntryEntity newest = audit.findAll(PageRequest.of(0, 1, Sort.by(Sort.Direction.DESC, "id")))
        .getContent().get(0);
    String endpoint = call.path().contains("?") ? call.path().substring(0, call.path().indexOf('?')) : call.path();
    return newest.getEvent().equals("refused") && newest.getUsername().equals(username)
        && newest.getMethod().equals(call.method()) && newest.getEndpoint().equals(endpoint)
        && newest.getStatus() == status;
  }

  private static HttpResponse<String> send(ApiClient client, Call call) {
    switch (call.method()) {
      case "GET" -> {
        return client.get(call.path());
      }
      case "PATCH" -> {
        return client.patchJson(call.path(), Map.of("enabled", false));
      }
      case "PUT" -> {
        return client.putJson(call.path(), Map.of());
      }
      case "DELETE" -> {
        return client.delete(call.path());
      }
      default -> {
      }
    }
    Map<String, Object> snapshot = Map.of("area", "GM0301", "title", "Proef", "format", "png", "dpi", 72);
    return client.postJson(call.path(), call.path().endsWith("snapshots") ? snapshot : Map.of());
  }
}
