package nl.veiligheidskaart.service.web;

import static nl.veiligheidskaart.service.web.ApiClient.json;
import static nl.veiligheidskaart.service.web.ApiClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import nl.veiligheidskaart.service.audit.AuditEntryEntity;
import nl.veiligheidskaart.service.audit.AuditEntryRepository;
import nl.veiligheidskaart.service.audit.AuditEvent;
import nl.veiligheidskaart.service.audit.AuditLog;
import nl.veiligheidskaart.service.config.Zones;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Initial accounts, the admin user API and the audit trail, over HTTP. No boundary file here. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "veiligheidskaart.demo-data=false")
@ExtendWith(OutputCaptureExtension.class)
class AccountsAndAuditApiTest {

  @TempDir
  static Path dataDir;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("veiligheidskaart.data-dir", dataDir::toString);
    registry.add("veiligheidskaart.geodata-dir", () -> dataDir.resolve("no-geodata").toString());
  }

  @LocalServerPort
  int port;

  @Autowired
  AuditEntryRepository audit;

  @Autowired
  AuditLog auditLog;

  @Autowired
  JdbcTemplate jdbc;

  ApiClient as(String user) {
    return ApiClient.signedIn("http://localhost:" + port, dataDir, user);
  }

  @Test
  void theFirstStartCreatesTwoAccountsInAnOwnerOnlyFile() throws IOException {
    Path file = dataDir.resolve("initial-credentials.txt");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    Map<String, String> credentials = ApiClient.initialCredentials(dataDir);
    assertThat(credentials.keySet()).containsExactlyInAnyOrder("beheer", "analist");
    assertThat(credentials.values()).allSatisfy(password -> assertThat(password).hasSize(20));
    assertThat(audit.findByUsernameOrderByIdDesc("(first start)")).extracting(AuditEntryEntity::getDetail)
        .containsExactly("account 'analist' created: role ANALYST", "account 'beheer' created: role ADMIN");

    assertThat(json(as("analist").get("/api/v1/viewer-config")).get("user").get("role").asString())
        .isEqualTo("ANALYST");
    assertThat(json(as("beheer").get("/api/v1/viewer-config")).get("user").get("role").asString())
        .isEqualTo("ADMIN");
  }

  @Test
  void anAdminCreatesAMunicipalityAccountThatCanSignIn() {
    HttpResponse<String> created = as("beheer").postJson("/api/v1/admin/users",
        Map.of("username", "gm-zutphen", "password", "lang-genoeg-wachtwoord", "role", "MUNICIPALITY",
            "municipality", "gm0301"));

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(json(created).get("municipality").asString()).isEqualTo("GM0301");
    assertThat(json(created).has("password")).isFalse();

    HttpResponse<String> config = as("beheer").as("gm-zutphen", "lang-genoeg-wachtwoord").get("/api/v1/viewer-config");
    assertThat(config.statusCode()).isEqualTo(200);
    assertThat(json(config).get("user").get("municipality").asString()).isEqualTo("GM0301");

    HttpResponse<String> again = as("beheer").postJson("/api/v1/admin/users",
        Map.of("username", "gm-zutphen", "password", "een-ander-wachtwoord", "role", "BBG"));
    assertThat(problem(again, 409).get("detail").asString()).isEqualTo("An account named 'gm-zutphen' already exists");
  }

  @Test
  void onlyAdminsManageAccounts() {
    HttpResponse<String> response = as("analist").postJson("/api/v1/admin/users",
        Map.of("username", "stiekem", "password", "lang-genoeg-wachtwoord", "role", "ADMIN"));

    problem(response, 403);
  }

  @Test
  void badAccountRequestsAre400NamingTheField() {
    Map<String, Map<String, String>> badRequests = Map.of(
        "role", Map.of("username", "iemand", "password", "lang-genoeg-wachtwoord", "role", "BURGEMEESTER"),
        "password", Map.of("username", "iemand", "password", "kort", "role", "BBG"),
        "username", Map.of("username", "Iemand Met Spaties", "password", "lang-genoeg-wachtwoord", "role", "BBG"),
        "municipality", Map.of("username", "iemand", "password", "lang-genoeg-wachtwoord", "role", "MUNICIPALITY"));
    badRequests.forEach((field, body) -> {
      HttpResponse<String> response = as("beheer").postJson("/api/v1/admin/users", body);
      assertThat(problem(response, 400).get("invalidParams").get(0).get("name").asString()).as(field)
          .isEqualTo(field);
    });
    HttpResponse<String> outsideTheUnit = as("beheer").postJson("/api/v1/admin/users",
        Map.of("username", "gm-utrecht", "password", "lang-genoeg-wachtwoord", "role", "MUNICIPALITY",
            "municipality", "GM0344"));
    assertThat(problem(outsideTheUnit, 400).get("detail").asString())
        .isEqualTo("'GM0344' is not the code of a municipality in Oost-Nederland");
  }

  @Test
  void everyDataAccessIsAudited() {
    as("analist").get("/api/v1/municipalities?crs=EPSG:28992");

    assertThat(audit.findByUsernameOrderByIdDesc("analist"))
        .anySatisfy(entry -> {
          assertThat(entry.getEndpoint()).isEqualTo("/api/v1/municipalities");
          assertThat(entry.getMethod()).isEqualTo("GET");
          assertThat(entry.getRole()).isEqualTo("ANALYST");
          assertThat(entry.getParameters()).isEqualTo("crs=EPSG:28992");
          assertThat(entry.getStatus()).isEqualTo(200);
          assertThat(entry.getResultRows()).isEqualTo(76);
        });
  }

  @Test
  void theTrailStatesAreaPeriodAndResultSizeOfEachAccess() {
    HttpResponse<String> incidents = as("analist")
        .get("/api/v1/incidents?municipality=GM0200&from=2025-01-01&to=2025-04-01&format=csv");
    assertThat(incidents.statusCode()).isEqualTo(200);
    as("analist").get("/api/v1/municipalities/GM0150");

    JsonNode trail = json(as("beheer").get("/api/v1/admin/audit?user=analist&limit=2"));
    assertThat(trail.get(0).get("area").asString()).isEqualTo("GM0150");
    assertThat(trail.get(0).get("period").isNull()).as("all time").isTrue();
    assertThat(trail.get(1).get("endpoint").asString()).isEqualTo("/api/v1/incidents");
    assertThat(trail.get(1).get("area").asString()).isEqualTo("GM0200");
    assertThat(trail.get(1).get("period").asString()).isEqualTo("2025-01-01/2025-04-01");
    assertThat(trail.get(1).get("resultRows").asLong()).isZero();
    assertThat(trail.get(1).get("resultBytes").asLong())
        .isEqualTo(incidents.body().getBytes(StandardCharsets.UTF_8).length);
  }

  @Test
  void theAdministratorReadsTheTrailByUserAndPeriodNewestFirst() {
    as("analist").get("/api/v1/districts");
    as("analist").get("/api/v1/municipalities");

    JsonNode trail = json(as("beheer").get("/api/v1/admin/audit?user=analist&limit=2&from="
        + LocalDate.now(Zones.NETHERLANDS).minusDays(1)));
    assertThat(trail).hasSize(2);
    assertThat(trail.get(0).get("endpoint").asString()).isEqualTo("/api/v1/municipalities");
    assertThat(trail.get(1).get("endpoint").asString()).isEqualTo("/api/v1/districts");
    assertThat(trail.get(0).get("username").asString()).isEqualTo("analist");
    assertThat(trail.get(0).get("role").asString()).isEqualTo("ANALYST");

    problem(as("analist").get("/api/v1/admin/audit"), 403);
    assertThat(problem(as("beheer").get("/api/v1/admin/audit?limit=5000"), 400).get("invalidParams").get(0)
        .get("name").asString()).isEqualTo("limit");
  }

  /** No unaudited access: while the trail cannot be written, data requests get a 503 and no data. */
  @Test
  void whenTheAuditEntryCannotBeStoredTheAnswerIsWithheld() {
    jdbc.execute("ALTER TABLE audit_entry RENAME TO audit_entry_away");
    HttpResponse<String> withheld;
    try {
      withheld = as("analist").get("/api/v1/municipalities");
    } finally {
      jdbc.execute("ALTER TABLE audit_entry_away RENAME TO audit_entry");
    }
    assertThat(problem(withheld, 503).get("detail").asString()).contains("audit trail");
    assertThat(withheld.body()).doesNotContain("Deventer");
    assertThat(as("analist").get("/api/v1/municipalities").statusCode()).isEqualTo(200);
  }

  /** Entries older than the retention (two years by default) go; younger ones stay. */
  @Test
  void theRetentionDeletesOldEntriesOnly() {
    Instant now = Instant.now();
    audit.save(new AuditEntryEntity(AuditEvent.ACCESS, now.minus(Duration.ofDays(800)), "oud-account", "ANALYST",
        "GET", "/api/v1/districts", null, null, null, 200, 5L, 1_000, null));
    audit.save(new AuditEntryEntity(AuditEvent.ACCESS, now.minus(Duration.ofDays(700)), "oud-account", "ANALYST",
        "GET", "/api/v1/districts", null, null, null, 200, 5L, 1_000, null));

    assertThat(auditLog.deleteExpired()).isEqualTo(1);
    assertThat(audit.findByUsernameOrderByIdDesc("oud-account")).hasSize(1);
  }

  @Test
  void withoutABoundaryFileTheServiceRunsAndSaysHowToLoadOne(CapturedOutput startupLog) {
    assertThat(startupLog.getAll()).contains("No municipal boundary file in " + dataDir.resolve("no-geodata"))
        .contains("service.pdok.nl/cbs/gebiedsindelingen").contains("veiligheidskaart.geodata-dir");
    HttpResponse<String> response = as("analist").get("/api/v1/municipalities");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("features")).hasSize(76)
        .allSatisfy(feature -> assertThat(feature.get("geometry").isNull()).isTrue());
  }
}
