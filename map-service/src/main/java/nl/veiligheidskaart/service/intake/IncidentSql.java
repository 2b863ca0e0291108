package nl.veiligheidskaart.service.intake;

/**
 * The upsert statements of incidents, one per database. A row whose values equal the stored ones
 * is left alone, so re-importing a file changes nothing (not even a row version).
 */
final class IncidentSql {

  static final String COLUMNS = "source_id, category, occurred_at, occurred_at_has_time, occurred_to, "
      + "location_precision, municipality_code, geometry, attributes, demo";

  /** The values that decide whether a stored incident differs from an imported one. */
  private static final String COMPARED = "category, occurred_at, occurred_at_has_time, occurred_to, location_precision, "
      + "municipality_code, geometry, attributes, demo";

  private IncidentSql() {
  }

  /** PostgreSQL: insert, or update in place when anything differs; {@code source} yields rows in {@link #COLUMNS} order. */
  static String postgresUpsert(String source) {
    return "INSERT INTO incident (" + COLUMNS + ") " + source
        + " ON CONFLICT (source_id) DO UPDATE SET category = EXCLUDED.category, occurred_at = EXCLUDED.occurred_at,"
        + " occurred_at_has_time = EXCLUDED.occurred_at_has_time, occurred_to = EXCLUDED.occurred_to,"
        + " location_precision = EXCLUDED.location_precision,"
        + " municipality_code = EXCLUDED.municipality_code, geometry = EXCLUDED.geometry,"
        + " attributes = EXCLUDED.attributes, demo = EXCLUDED.demo"
        + " WHERE (" + prefixed("incident.") + ") IS DISTINCT FROM (" + prefixed("EXCLUDED.") + ")";
  }

  /** H2: MERGE on the key keeps the row's id and updates its values. */
  static final String H2_MERGE = "MERGE INTO incident (" + COLUMNS + ") KEY (source_id) VALUES "
      + "(?, ?, ?, ?, ?, ?, ?, ST_SetSRID(ST_MakePoint(?, ?), 28992), ?, ?)";

  /**
   * H2, into a table that held no incident when the import began: every row is new (the importer
   * refuses a source id twice in one file, and imports of incidents run one at a time), so a plain
   * insert does what the MERGE would, without its search for a row to update first.
   */
  static final String H2_INSERT = "INSERT INTO incident (" + COLUMNS + ") VALUES "
      + "(?, ?, ?, ?, ?, ?, ?, ST_SetSRID(ST_MakePoint(?, ?), 28992), ?, ?)";

  static final String POSTGRES_VALUES = "VALUES (?, ?, ?, ?, ?, ?, ?, ST_SetSRID(ST_MakePoint(?, ?), 28992), ?, ?)";

  private static String prefixed(String prefix) {
    StringBuilder result = new StringBuilder();
    for (String column : COMPARED.split(", ")) {
      result.append(result.isEmpty() ? "" : ", ").append(prefix).append(column);
    }
    return result.toString();
  }
}
