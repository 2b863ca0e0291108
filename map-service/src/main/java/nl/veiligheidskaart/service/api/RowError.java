package nl.veiligheidskaart.service.api;

/**
 * What is wrong with one row of an import file.
 *
 * @param line the physical line in the file (header = 1); for GeoJSON the feature's position (first = 1)
 * @param column the column or property at fault, or null when the row as a whole is wrong
 */
public record RowError(long line, String column, String message) {
}
