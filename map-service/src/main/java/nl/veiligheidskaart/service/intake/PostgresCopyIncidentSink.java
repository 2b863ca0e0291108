package nl.veiligheidskaart.service.intake;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import nl.veiligheidskaart.service.store.AttributesConverter;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * The PostGIS acceleration of {@link JdbcIncidentSink}, with the same result. Rows stream with COPY
 * straight into {@code incident} while the importer checks the next ones, so PostgreSQL stores and
 * indexes on one core while Java reads on the other: an import of new incidents costs what a bare
 * {@code COPY} into the indexed table costs. Should a source id already be stored (the unique index
 * refuses the COPY), the COPY is rolled back to its savepoint and the same rows, kept in a temporary
 * file on the way, go into a staging table and from there into {@code incident} by one
 * INSERT ... ON CONFLICT (an update of the stored rows).
 */
final class PostgresCopyIncidentSink implements IncidentSink {

  private static final int FLUSH_BYTES = 1 << 16;
  private static final AttributesConverter ATTRIBUTES = new AttributesConverter();
  private static final String STAGING = "incident_import";
  private static final String SAVEPOINT = "incident_copy";
  /** Little-endian EWKB of a point with an SRID (0x20000001), SRID 28992. */
  private static final String POINT_28992 = "01" + "01000020" + "40710000";
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private final Connection connection;
  private final Path spill;
  private final OutputStream spilled;
  private final CopyIn copy;
  /** Set when the COPY into {@code incident} was refused: the rows then go the staging way. */
  private SQLException refused;
  private final StringBuilder buffer = new StringBuilder(FLUSH_BYTES + 1024);

  PostgresCopyIncidentSink(Connection connection) {
    this.connection = connection;
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TEMP TABLE IF NOT EXISTS " + STAGING + " (source_id text, category text,"
          + " occurred_at timestamptz, occurred_at_has_time boolean, occurred_to timestamptz, location_precision text,"
          + " municipality_code text, geometry geometry, attributes text, demo boolean) ON COMMIT DELETE ROWS");
      statement.execute("TRUNCATE " + STAGING);
      statement.execute("SAVEPOINT " + SAVEPOINT);
      spill = Files.createTempFile("incident-import", ".csv");
      spilled = new BufferedOutputStream(Files.newOutputStream(spill), FLUSH_BYTES);
      copy = connection.unwrap(PGConnection.class).getCopyAPI()
          .copyIn("COPY incident (" + IncidentSql.COLUMNS + ") FROM STDIN (FORMAT csv)");
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("Cannot start copying incidents", e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the temporary file of an incident import", e);
    }
  }

  @Override
  public void add(IncidentRecord incident) {
    field(incident.sourceId()).append(',');
    field(incident.category()).append(',');
    buffer.append(incident.occurredAt()).append(',');
    buffer.append(incident.occurredAtHasTime()).append(',');
    if (incident.occurredTo() != null) {
      buffer.append(incident.occurredTo());
    }
    buffer.append(',');
    field(incident.locationPrecision()).append(',');
    field(incident.municipalityCode()).append(',');
    point(incident.x(), incident.y()).append(',');
    field(ATTRIBUTES.convertToDatabaseColumn(incident.attributes())).append(',');
    buffer.append(incident.demo()).append('\n');
    if (buffer.length() >= FLUSH_BYTES) {
      flush();
    }
  }

  @Override
  public void finish() {
    flush();
    try {
      if (refused == null) {
        try {
          copy.endCopy();
        } catch (SQLException e) {
          refuse(e);
        }
      }
      try (Statement statement = connection.createStatement()) {
        if (refused == null) {
          statement.execute("RELEASE SAVEPOINT " + SAVEPOINT);
          return;
        }
        statement.execute("ROLLBACK TO SAVEPOINT " + SAVEPOINT);
        spilled.close();
        try (InputStream rows = Files.newInputStream(spill)) {
          connection.unwrap(PGConnection.class).getCopyAPI()
              .copyIn("COPY " + STAGING + " FROM STDIN (FORMAT csv)", rows, FLUSH_BYTES);
        }
        statement.executeUpdate(IncidentSql.postgresUpsert("SELECT " + IncidentSql.COLUMNS + " FROM " + STAGING));
      }
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("Storing incidents failed", e);
    } catch (IOException e) {
      throw new UncheckedIOException("Reading the temporary file of an incident import failed", e);
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
    } finally {
      try {
        spilled.close();
        Files.deleteIfExists(spill);
      } catch (IOException e) {
        throw new UncheckedIOException("Removing the temporary file of an incident import failed", e);
      }
    }
  }

  /** A CSV field for COPY: unquoted empty means NULL, so every real value is quoted. */
  private StringBuilder field(String value) {
    if (value != null) {
      buffer.append('"').append(value.replace("\"", "\"\"")).append('"');
    }
    return buffer;
  }

  /** An RD New point as hex EWKB: the doubles' exact bits, and no text for PostGIS to parse. */
  private StringBuilder point(double x, double y) {
    buffer.append(POINT_28992);
    hex(Double.doubleToRawLongBits(x));
    hex(Double.doubleToRawLongBits(y));
    return buffer;
  }

  /** A double's bits as little-endian hex. */
  private void hex(long bits) {
    for (int b = 0; b < 8; b++) {
      int value = (int) (bits >>> (8 * b)) & 0xFF;
      buffer.append(HEX[value >>> 4]).append(HEX[value & 0xF]);
    }
  }

  private void flush() {
    if (buffer.isEmpty()) {
      return;
    }
    byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
    buffer.setLength(0);
    try {
      spilled.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("Writing the temporary file of an incident import failed", e);
    }
    if (refused == null) {
      try {
        copy.writeToCopy(bytes, 0, bytes.length);
      } catch (SQLException e) {
        refuse(e);
      }
    }
  }

  /** A unique violation means a source id is stored already; any other failure is one. */
  private void refuse(SQLException e) {
    if (!"23505".equals(e.getSQLState())) {
      throw new DataAccessResourceFailureException("Copying incidents failed", e);
    }
    refused = e;
    try {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    } catch (SQLException ignored) {
      // the COPY already failed on the server; the rollback to the savepoint follows
    }
  }
}
