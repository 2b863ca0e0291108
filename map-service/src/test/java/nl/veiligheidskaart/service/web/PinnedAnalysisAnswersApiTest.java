package nl.veiligheidskaart.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import nl.veiligheidskaart.service.TestStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;

/**
 * Every analysis answer, byte for byte, as clients have had it: property names and order, number
 * formatting, the CRS member and the report. The demo data is generated for a fixed day, so the
 * answers are fixed too. A changed answer is written to {@code target/pinned-answers/} to diff
 * against the fixture in {@code src/test/resources/analysis/answers/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PinnedAnalysisAnswersApiTest {

  @TempDir
  static Path dataDir;

  /** The day the demo data ends: its incidents, and so every answer, follow from it. */
  @TestBean
  Clock clock;

  static Clock clock() {
    return Clock.fixed(Instant.parse("2026-06-15T10:00:00Z"), ZoneOffset.UTC);
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestStores.embedded(registry, dataDir);
  }

  @LocalServerPort
  int port;

  ApiClient analyst;

  @BeforeEach
  void signIn() {
    analyst = ApiClient.signedIn("http://localhost:" + port, dataDir, "analist");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      grid-hotspots.json         | /api/v1/analysis/hotspots?category=woninginbraak&area=GM0150&cellSize=1000&distanceBand=3000&permutations=99
      grid-clusters.json         | /api/v1/analysis/clusters?category=jeugdoverlast&area=GM0150&cellSize=1000&distanceBand=3000&permutations=99&crs=EPSG:28992
      emerging-hotspots.json     | /api/v1/analysis/emerging-hotspots?category=woninginbraak&area=GM0150&cellSize=1000&distanceBand=3000&from=2025-06-01&to=2026-06-01&crs=EPSG:28992
      municipality-hotspots.json | /api/v1/analysis/hotspots/municipalities?source=statistics&category=1.1.1&period=2018&area=VR04&permutations=99&crs=EPSG:28992
      municipality-clusters.json | /api/v1/analysis/clusters/municipalities?category=woninginbraak&area=VR04&measure=density&permutations=99&crs=EPSG:28992
      density.json               | /api/v1/analysis/density?category=woninginbraak&area=GM0150&cellSize=500&bandwidth=1000
      hotspots-tile.mvt          | /api/v1/tiles/hotspots/10/529/336.mvt?category=woninginbraak
      hotspots-tile.png          | /api/v1/tiles/hotspots/10/529/336.png?category=woninginbraak
      heatmap-tile.png           | /api/v1/tiles/heatmap/10/529/336.png?category=woninginbraak
      """)
  void theAnswerIsAsPinned(String fixture, String path) throws IOException {
    HttpResponse<byte[]> response = analyst.getBytes(path);

    assertThat(response.statusCode()).as(path).isEqualTo(200);
    byte[] expected = pinned(fixture);
    if (!Arrays.equals(response.body(), expected)) {
      Path actual = Path.of("target", "pinned-answers", fixture);
      Files.createDirectories(actual.getParent());
      Files.write(actual, response.body());
      throw new AssertionError(path + " differs from analysis/answers/" + fixture + ": see " + actual.toAbsolutePath());
    }
  }

  private static byte[] pinned(String fixture) throws IOException {
    try (InputStream in = PinnedAnalysisAnswersApiTest.class.getResourceAsStream("/analysis/answers/" + fixture)) {
      return in == null ? new byte[0] : in.readAllBytes();
    }
  }
}
