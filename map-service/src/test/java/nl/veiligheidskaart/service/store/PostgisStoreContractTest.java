package nl.veiligheidskaart.service.store;

import java.nio.file.Path;
import nl.veiligheidskaart.service.TestStores;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The store contract on PostGIS, the production database. */
class PostgisStoreContractTest extends StoreContractTest {

  @TempDir
  static Path dataDir;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestStores.postgis(registry, dataDir);
  }
}
