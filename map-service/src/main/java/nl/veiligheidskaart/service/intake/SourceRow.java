package nl.veiligheidskaart.service.intake;

import java.util.Map;
import java.util.TreeMap;
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

  /** A row; malformed when a value holds bytes that were not UTF-8 or a control character. */
  static SourceRow of(long line, Map<String, String> values, Geometry geometry) {
    String unreadable = unreadableText(values);
    return unreadable == null ? new SourceRow(line, values, geometry, null) : malformed(line, unreadable);
  }

  static SourceRow malformed(long line, String problem) {
    return new SourceRow(line, Map.of(), null, problem);
  }

  /**
   * Text that a reader decoded with a replacement character (U+FFFD: the bytes were not UTF-8)
   * or that holds a control character (NUL and the like; tab and line breaks are text) would be
   * stored as something other than what the source meant: the row is refused instead.
   */
  private static String unreadableText(Map<String, String> values) {
    for (Map.Entry<String, String> value : new TreeMap<>(values).entrySet()) {
      String text = value.getValue();
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\uFFFD') {
          return "column '" + value.getKey() + "' is not valid UTF-8 (save the file as UTF-8)";
        }
        if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
          return "column '" + value.getKey() + "' holds the control character U+" + String.format("%04X", (int) c)
              + " at position " + (i + 1);
        }
      }
    }
    return null;
  }
}
