package nl.veiligheidskaart.service.web;

import java.nio.file.Path;
import nl.veiligheidskaart.service.TestStores;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service on the demo data, as the API tests that extend this meet it: one instance on the
 * embedded store with the real boundaries, started once for all of them (Spring caches a context by
 * its configuration, and theirs is this one). They share its store, so each reads the demo data,
 * signs in with accounts of its own or the same ones with the same rights, and writes nothing
 * another test reads. Per-user request limits are lifted: the analyses of several classes count
 * against the same analyst (RequestLimitsApiTest tests the limits on a service of its own).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "veiligheidskaart.limits.heavy-requests-per-minute=100000")
abstract class DemoServiceApiTest {

  static final Path DATA_DIR = TestStores.sharedDataDir("demo-service");

  @DynamicPropertySource
  static void demoStore(DynamicPropertyRegistry registry) {
    TestStores.embedded(registry, DATA_DIR);
  }

  @LocalServerPort
  int port;
}
