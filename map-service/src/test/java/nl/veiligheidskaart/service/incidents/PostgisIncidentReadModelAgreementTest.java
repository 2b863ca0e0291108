package nl.veiligheidskaart.service.incidents;

import java.nio.file.Path;
import nl.veiligheidskaart.service.TestStores;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The read models agree on the production database, PostGIS. */
class PostgisIncidentReadModelAgreementTest extends IncidentReadModelAgreementTest {

  @TempDir
  static Path dataDir;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestStores.postgis(registry, dataDir);
  }
}
