package nl.veiligheidskaart.geodata.io;

import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a GeoJSON or GeoPackage feature file, recognised by its extension. */
public final class FeatureFiles {

  private FeatureFiles() {
  }

  /**
   * All features of the file that have a geometry, in the file's own CRS.
   *
   * @throws FeatureFileException if the file is missing, of another type or not readable
   */
  public static FeatureLayer read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new FeatureFileException(file, "does not exist or is not a file");
    }
    return switch (FeatureFileFormat.of(file).orElseThrow(() -> new FeatureFileException(file,
        "has an unsupported file type; use GeoJSON (.geojson, .json) or GeoPackage (.gpkg)"))) {
      case GEOJSON -> GeoJsonFeatureReader.read(file);
      case GEOPACKAGE -> GeoPackageFeatureReader.read(file);
    };
  }
}
