package nl.veiligheidskaart.service;

import java.nio.file.Path;
import nl.veiligheidskaart.service.store.PostgisTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The store a Spring test runs on: a fresh data directory, the real boundaries, H2GIS or PostGIS. */
public final class TestStores {

  private TestStores() {
  }

  /** The embedded H2GIS file database in {@code dataDir}, with the shared 2019 boundaries. */
  public static void embedded(DynamicPropertyRegistry registry, Path dataDir) {
    registry.add("veiligheidskaart.data-dir", dataDir::toString);
    registry.add("veiligheidskaart.geodata-dir", () -> SharedGeodata.dir().toString());
  }

  /** PostGIS (see {@link PostgisTestDatabase}), with the shared 2019 boundaries. */
  public static void postgis(DynamicPropertyRegistry registry, Path dataDir) {
    PostgisTestDatabase.register(registry);
    embedded(registry, dataDir);
  }
}
