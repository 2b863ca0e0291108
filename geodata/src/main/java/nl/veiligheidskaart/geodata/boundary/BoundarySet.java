package nl.veiligheidskaart.geodata.boundary;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * The municipal boundaries read from one file.
 *
 * @param source the file they were read from
 * @param validFromYear the vintage of the set: the latest {@code validFromYear} of its boundaries
 * @param boundaries one per municipality, sorted by code
 * @param missingCodes municipalities of the reference geography that the file has no boundary
 *     for, sorted; analyses over these need another boundary file
 */
public record BoundarySet(Path source, int validFromYear, List<MunicipalityBoundary> boundaries,
    List<String> missingCodes) {

  public BoundarySet {
    Objects.requireNonNull(source, "source");
    boundaries = List.copyOf(boundaries);
    missingCodes = List.copyOf(missingCodes);
  }

  /** The geometries by municipality code, in code order; e.g. the input of the contiguity graph. */
  public Map<String, Geometry> geometriesByCode() {
    Map<String, Geometry> geometries = new LinkedHashMap<>();
    boundaries.forEach(boundary -> geometries.put(boundary.code(), boundary.geometry()));
    return geometries;
  }
}
