package nl.veiligheidskaart.service.intake;

import java.nio.file.Path;
import nl.veiligheidskaart.service.TestStores;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The intake contract on PostGIS, where incidents take the COPY path. */
class PostgisIntakeContractTest extends IntakeContractTest {

  @TempDir
  static Path dataDir;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestStores.postgis(registry, dataDir);
  }
}
