package nl.veiligheidskaart.geodata.io;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The file formats features (boundaries, holiday parks, ...) can be read from, recognised by file name extension. */
public enum FeatureFileFormat {
  GEOJSON(".geojson", ".json"),
  GEOPACKAGE(".gpkg");

  private final List<String> extensions;

  FeatureFileFormat(String... extensions) {
    this.extensions = List.of(extensions);
  }

  public static Optional<FeatureFileFormat> of(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(format -> format.extensions.stream().anyMatch(name::endsWith))
        .findFirst();
  }
}
