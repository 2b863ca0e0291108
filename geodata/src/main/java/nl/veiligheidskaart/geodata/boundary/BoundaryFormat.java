package nl.veiligheidskaart.geodata.boundary;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The file formats boundaries can be read from, recognised by file name extension. */
enum BoundaryFormat {
  GEOJSON(".geojson", ".json"),
  GEOPACKAGE(".gpkg");

  private final List<String> extensions;

  BoundaryFormat(String... extensions) {
    this.extensions = List.of(extensions);
  }

  static Optional<BoundaryFormat> of(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(format -> format.extensions.stream().anyMatch(name::endsWith))
        .findFirst();
  }
}
