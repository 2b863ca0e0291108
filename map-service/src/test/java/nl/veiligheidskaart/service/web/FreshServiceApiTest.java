package nl.veiligheidskaart.service.web;

import java.nio.file.Path;
import nl.veiligheidskaart.service.TestStores;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A service of its own for the API tests that extend this: started on a fresh embedded store (a
 * new data directory, the real boundaries) with the test's {@code @SpringBootTest} settings, and
 * stopped after its last test, so that what one class imports, locks or counts never meets another.
 * Tests that only read the demo data share one service instead ({@link DemoServiceApiTest}).
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class FreshServiceApiTest {

  @TempDir
  protected static Path dataDir;

  @DynamicPropertySource
  static void freshStore(DynamicPropertyRegistry registry) {
    TestStores.embedded(registry, dataDir);
  }

  @LocalServerPort
  protected int port;

  protected String baseUrl() {
    return "http://localhost:" + port;
  }

  /** A client signed in as one of the accounts the service made on its first start. */
  protected ApiClient signedIn(String username) {
    return ApiClient.signedIn(baseUrl(), dataDir, username);
  }
}
