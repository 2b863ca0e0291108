package nl.veiligheidskaart.service.store;

import java.nio.file.Path;
import nl.veiligheidskaart.service.TestStores;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The store contract on the embedded default: an H2GIS file database in a fresh data directory. */
class H2gisStoreContractTest extends StoreContractTest {

  @TempDir
  static Path dataDir;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestStores.embedded(registry, dataDir);
  }
}
