package nl.veiligheidskaart.service;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The reference data folder {@code shared/geodata} beside the project checkout (data for tests
 * and the demo, not part of the repository). The build passes its location to every test JVM as
 * the system property {@code sharedGeodataDir}.
 */
public final class SharedGeodata {

  private SharedGeodata() {
  }

  /** The folder; fails the test with instructions when it is not there. */
  public static Path dir() {
    Path dir = Path.of(System.getProperty("sharedGeodataDir", "../../shared/geodata")).toAbsolutePath().normalize();
    if (!Files.isRegularFile(dir.resolve("gemeenten-oost-nederland-2019.geojson"))) {
      throw new AssertionError("Reference data folder " + dir + " not found. These tests need the project's"
          + " shared/ folder (with gemeenten-oost-nederland-2019.geojson) beside the checkout, e.g."
          + " /work/shared/geodata next to /work/main.");
    }
    return dir;
  }

  /** A file in the folder. */
  public static Path file(String name) {
    Path file = dir().resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new AssertionError("Reference data file " + file + " is missing");
    }
    return file;
  }
}
