package nl.veiligheidskaart.service.intake;

import java.time.Instant;
import java.util.Map;

/**
 * A checked incident row, ready to store.
 *
 * @param x RD New easting in metres
 * @param y RD New northing in metres
 * @param attributes the file's extra columns, in file order
 */
record IncidentRecord(String sourceId, String category, Instant occurredAt, boolean occurredAtHasTime,
    String locationPrecision, String municipalityCode, double x, double y, Map<String, String> attributes,
    boolean demo) {
}
