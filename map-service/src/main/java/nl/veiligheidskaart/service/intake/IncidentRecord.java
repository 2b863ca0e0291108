package nl.veiligheidskaart.service.intake;

import java.time.Instant;
import java.util.Map;

/**
 * A checked incident row, ready to store.
 *
 * @param x RD New easting in metres
 * @param y RD New northing in metres
 * @param occurredTo the end of the window the incident happened in, or null for a moment (or a date)
 * @param attributes the file's extra columns, in file order
 */
record IncidentRecord(String sourceId, String category, Instant occurredAt, boolean occurredAtHasTime,
    Instant occurredTo, String locationPrecision, String municipalityCode, double x, double y, Map<String, String> attributes,
    boolean demo) {
}
