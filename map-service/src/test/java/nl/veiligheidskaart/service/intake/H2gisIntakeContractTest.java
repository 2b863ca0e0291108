package nl.veiligheidskaart.service.intake;

import java.nio.file.Path;
import nl.veiligheidskaart.service.SharedGeodata;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class H2gisIntakeContractTest extends IntakeContractTest {

  @TempDir
  static Path dataDir;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("veiligheidskaart.data-dir", dataDir::toString);
    registry.add("veiligheidskaart.geodata-dir", () -> SharedGeodata.dir().toString());
  }
}
