package nl.veiligheidskaart.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import nl.veiligheidskaart.service.store.PostgisTestDatabase;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
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
        delete(dir);
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

  /** Puts a test's context on the embedded store in a data directory of its own ({@link OnEmbeddedStore}). */
  static final class EmbeddedStore implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      Map<String, Object> properties = new HashMap<>();
      embedded((name, value) -> properties.put(name, value.get()), freshDataDir());
      context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("embedded-store", properties));
    }
  }

  /** Puts a test's context on PostGIS, with a data directory of its own ({@link OnPostgis}). */
  static final class PostgisStore implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      Map<String, Object> properties = new HashMap<>();
      postgis((name, value) -> properties.put(name, value.get()), freshDataDir());
      context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("postgis-store", properties));
    }
  }

  /** A new data directory, removed when the test run ends. */
  private static Path freshDataDir() {
    try {
      Path dir = Files.createTempDirectory("veiligheidskaart-test-");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
