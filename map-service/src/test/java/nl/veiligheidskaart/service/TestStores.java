package nl.veiligheidskaart.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import nl.veiligheidskaart.service.store.PostgisTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The store a Spring test runs on: its data directory, the real boundaries, H2GIS or PostGIS. */
public final class TestStores {

  private TestStores() {
  }

  /** The embedded H2GIS file database in {@code dataDir}, with the shared 2019 boundaries. */
  public static void embedded(DynamicPropertyRegistry registry, Path dataDir) {
    registry.add("veiligheidskaart.data-dir", dataDir::toString);
    registry.add("veiligheidskaart.geodata-dir", () -> SharedGeodata.dir().toString());
  }

  /**
   * A data directory for a store that several test classes share through one cached Spring
   * context: under {@code target/}, emptied when the test run first asks for it.
   */
  public static Path sharedDataDir(String name) {
    Path dir = Path.of("target", "test-stores", name).toAbsolutePath();
    try {
      if (Files.exists(dir)) {
        try (Stream<Path> files = Files.walk(dir)) {
          files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
      }
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** PostGIS (see {@link PostgisTestDatabase}), with the shared 2019 boundaries. */
  public static void postgis(DynamicPropertyRegistry registry, Path dataDir) {
    PostgisTestDatabase.register(registry);
    embedded(registry, dataDir);
  }
}
