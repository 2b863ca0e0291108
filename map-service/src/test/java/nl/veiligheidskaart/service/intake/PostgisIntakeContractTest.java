package nl.veiligheidskaart.service.intake;

import java.nio.file.Path;
import nl.veiligheidskaart.service.SharedGeodata;
import nl.veiligheidskaart.service.store.PostgisTestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The intake contract on PostGIS, where incidents take the COPY path. */
class PostgisIntakeContractTest extends IntakeContractTest {

  @TempDir
  static Path dataDir;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    PostgisTestDatabase.register(registry);
    registry.add("veiligheidskaart.data-dir", dataDir::toString);
    registry.add("veiligheidskaart.geodata-dir", () -> SharedGeodata.dir().toString());
  }
}
