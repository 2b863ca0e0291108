package nl.veiligheidskaart.service.intake;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One row of an import file: a CSV record or a GeoJSON/GeoPackage feature.
 *
 * @param line physical line of a CSV record (header = 1), or the position of a feature (first = 1)
 * @param values text values by lower-case column or property name; blank values are absent
 * @param geometry the feature's geometry in RD New, or null (CSV rows carry coordinates as values)
 * @param malformed why the row cannot be read at all (e.g. a wrong number of fields), or null
 */
record SourceRow(long line, Map<String, String> values, Geometry geometry, String malformed) {

  static SourceRow of(long line, Map<String, String> values, Geometry geometry) {
    return new SourceRow(line, values, geometry, null);
  }

  static SourceRow malformed(long line, String problem) {
    return new SourceRow(line, Map.of(), null, problem);
  }
}
