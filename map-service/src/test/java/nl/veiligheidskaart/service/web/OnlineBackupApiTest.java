package nl.veiligheidskaart.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import nl.veiligheidskaart.service.cli.CommandLine;
import nl.veiligheidskaart.service.config.EmbeddedDatabaseConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * An ADMIN backs up the running embedded store over HTTP; the zip restores with the jar's
 * {@code restore} command into a store that holds what the running one held. Others get 403.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "veiligheidskaart.demo-data=false")
class OnlineBackupApiTest extends FreshServiceApiTest {

  @TempDir
  Path work;

  @Test
  void theRunningStoreIsBackedUpAndTheZipRestores() throws Exception {
    ApiClient admin = signedIn("beheer");
    var created = admin.postJson("/api/v1/admin/users", java.util.Map.of("username", "in-de-backup",
        "password", "lang-genoeg-wachtwoord", "role", "BBG"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

    HttpResponse<Path> backup = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(baseUrl() + "/api/v1/admin/backup")).header("Authorization", admin.authorization())
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofFile(work.resolve("b.zip")));
    assertThat(backup.statusCode()).isEqualTo(200);
    assertThat(backup.headers().firstValue("Content-Type")).contains("application/zip");
    assertThat(backup.headers().firstValue("Content-Disposition").orElse("")).contains("veiligheidskaart-");

    Path restored = work.resolve("restored");
    assertThat(CommandLine.run(new String[] {"restore", backup.body().toString(),
        "--veiligheidskaart.data-dir=" + restored})).isEqualTo(0);
    try (var connection = DriverManager.getConnection(EmbeddedDatabaseConfiguration.embeddedUrl(restored)
        + ";IFEXISTS=TRUE", "sa", ""); ResultSet rows = connection.createStatement()
            .executeQuery("SELECT count(*) FROM user_account WHERE username = 'in-de-backup'")) {
      rows.next();
      assertThat(rows.getLong(1)).isEqualTo(1);
    }
    try (var leftovers = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      assertThat(leftovers.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("veiligheidskaart-backup-"));
    }

    ApiClient analyst = signedIn("analist");
    assertThat(analyst.postJson("/api/v1/admin/backup", java.util.Map.of()).statusCode()).isEqualTo(403);
  }
}
