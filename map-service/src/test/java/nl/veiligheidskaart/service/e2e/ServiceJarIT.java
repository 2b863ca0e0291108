package nl.veiligheidskaart.service.e2e;

import static nl.veiligheidskaart.service.web.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.veiligheidskaart.service.SharedGeodata;
import nl.veiligheidskaart.service.web.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline as a newcomer meets it: java -jar from the checkout's root with the default
 * settings (so the default geodata dir ../shared/geodata is the one used), the real boundaries,
 * the demo data, the API with credentials.
 */
class ServiceJarIT {

  @TempDir
  static Path dataDir;

  static ServiceProcess service;

  @BeforeAll
  static void start() throws Exception {
    Path checkoutRoot = Path.of("").toAbsolutePath().getParent();
    assertThat(checkoutRoot.resolve("../shared/geodata").normalize()).isEqualTo(SharedGeodata.dir());
    service = ServiceProcess.startIn(checkoutRoot, dataDir);
  }

  @AfterAll
  static void stop() throws Exception {
    service.close();
  }

  @Test
  void servesTheSeventySixMunicipalitiesToASignedInUser() throws Exception {
    ApiClient analyst = ApiClient.signedIn(service.baseUrl(), dataDir, "analist");

    var response = analyst.get("/api/v1/municipalities");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("features")).hasSize(76)
        .allSatisfy(feature -> assertThat(feature.get("geometry").get("type").asString()).isEqualTo("MultiPolygon"));
    assertThat(analyst.anonymous().get("/api/v1/municipalities").statusCode()).isEqualTo(401);
    var demo = analyst.get("/api/v1/incidents?limit=1");
    // 60 000 demo incidents and the 24 burglaries of the planted near-repeat chain
    assertThat(json(demo).get("numberMatched").asLong()).isEqualTo(60_024);
    assertThat(json(demo).get("features").get(0).get("properties").get("demo").asBoolean()).isTrue();
    assertThat(service.log()).contains("Loaded 76 municipal boundaries of vintage 2019")
        .contains("Loaded 12768 area statistics").contains("Loaded 60024 demo incidents")
        .contains("initial-credentials.txt").doesNotContain(ApiClient.initialCredentials(dataDir).get("analist"));
  }

  @Test
  void theJarAddsAccountsFromTheCommandLine() throws Exception {
    Path cliDataDir = dataDir.resolve("cli");
    Process process = new ProcessBuilder(List.of(ServiceProcess.javaBinary(), "-jar", ServiceProcess.jar().toString(),
        "user", "add", "--username", "bbg-secretaris", "--role", "BBG",
        "--veiligheidskaart.data-dir=" + cliDataDir, "--veiligheidskaart.geodata-dir=" + cliDataDir))
        .redirectErrorStream(true).start();
    // No --password: it is read from standard input, as a script would pipe it.
    process.getOutputStream().write("een-lang-wachtwoord\n".getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isEqualTo(0);
    assertThat(output).contains("Created account 'bbg-secretaris' with role BBG");
  }
}
