package nl.veiligheidskaart.service.intake;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import nl.veiligheidskaart.service.store.AttributesConverter;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * The PostGIS acceleration of {@link JdbcIncidentSink}, with the same result: rows stream with
 * COPY into a temporary table (no index, no WAL), and one INSERT ... ON CONFLICT moves them into
 * {@code incident}. COPY is several times faster than batched INSERTs.
 */
final class PostgresCopyIncidentSink implements IncidentSink {

  private static final int FLUSH_BYTES = 1 << 16;
  private static final AttributesConverter ATTRIBUTES = new AttributesConverter();
  private static final String STAGING = "incident_import";

  private final Connection connection;
  private final CopyIn copy;
  private final StringBuilder buffer = new StringBuilder(FLUSH_BYTES + 1024);

  PostgresCopyIncidentSink(Connection connection) {
    this.connection = connection;
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TEMP TABLE IF NOT EXISTS " + STAGING + " (source_id text, category text,"
          + " occurred_at timestamptz, occurred_at_has_time boolean, location_precision text,"
          + " municipality_code text, x double precision, y double precision, attributes text, demo boolean)"
          + " ON COMMIT DELETE ROWS");
      statement.execute("TRUNCATE " + STAGING);
      copy = connection.unwrap(PGConnection.class).getCopyAPI()
          .copyIn("COPY " + STAGING + " FROM STDIN (FORMAT csv)");
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("Cannot start copying incidents", e);
    }
  }

  @Override
  public void add(IncidentRecord incident) {
    field(incident.sourceId()).append(',');
    field(incident.category()).append(',');
    buffer.append(incident.occurredAt()).append(',');
    buffer.append(incident.occurredAtHasTime()).append(',');
    field(incident.locationPrecision()).append(',');
    field(incident.municipalityCode()).append(',');
    buffer.append(incident.x()).append(',').append(incident.y()).append(',');
    field(ATTRIBUTES.convertToDatabaseColumn(incident.attributes())).append(',');
    buffer.append(incident.demo()).append('\n');
    if (buffer.length() >= FLUSH_BYTES) {
      flush();
    }
  }

  @Override
  public void finish() {
    flush();
    try (Statement statement = connection.createStatement()) {
      copy.endCopy();
      statement.executeUpdate(IncidentSql.postgresUpsert("SELECT source_id, category, occurred_at,"
          + " occurred_at_has_time, location_precision, municipality_code, ST_SetSRID(ST_MakePoint(x, y), 28992),"
          + " attributes, demo FROM " + STAGING));
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("Storing incidents failed", e);
    }
  }

  @Override
  public void close() {
    try {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("Cancelling the incident copy failed", e);
    }
  }

  /** A CSV field for COPY: unquoted empty means NULL, so every real value is quoted. */
  private StringBuilder field(String value) {
    if (value != null) {
      buffer.append('"').append(value.replace("\"", "\"\"")).append('"');
    }
    return buffer;
  }

  private void flush() {
    if (buffer.isEmpty()) {
      return;
    }
    byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
    try {
      copy.writeToCopy(bytes, 0, bytes.length);
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("Copying incidents failed", e);
    }
    buffer.setLength(0);
  }
}
