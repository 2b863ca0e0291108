package nl.veiligheidskaart.service.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import nl.veiligheidskaart.service.store.AttributesConverter;
import org.springframework.dao.DataAccessResourceFailureException;

/** Upserts incidents with JDBC batches: the portable way, used on H2GIS (and testable on PostGIS). */
final class JdbcIncidentSink implements IncidentSink {

  private static final int BATCH_SIZE = 1_000;
  private static final AttributesConverter ATTRIBUTES = new AttributesConverter();

  private final PreparedStatement statement;
  private int batched;

  JdbcIncidentSink(Connection connection, String upsertSql) {
    try {
      statement = connection.prepareStatement(upsertSql);
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("Cannot prepare the incident upsert", e);
    }
  }

  @Override
  public void add(IncidentRecord incident) {
    try {
      statement.setString(1, incident.sourceId());
      statement.setString(2, incident.category());
      statement.setObject(3, OffsetDateTime.ofInstant(incident.occurredAt(), ZoneOffset.UTC));
      statement.setBoolean(4, incident.occurredAtHasTime());
      if (incident.occurredTo() == null) {
        statement.setNull(5, Types.TIMESTAMP_WITH_TIMEZONE);
      } else {
        statement.setObject(5, OffsetDateTime.ofInstant(incident.occurredTo(), ZoneOffset.UTC));
      }
      statement.setString(6, incident.locationPrecision());
      statement.setString(7, incident.municipalityCode());
      statement.setDouble(8, incident.x());
      statement.setDouble(9, incident.y());
      String attributes = ATTRIBUTES.convertToDatabaseColumn(incident.attributes());
      if (attributes == null) {
        statement.setNull(10, Types.VARCHAR);
      } else {
        statement.setString(10, attributes);
      }
      statement.setBoolean(11, incident.demo());
      statement.addBatch();
      if (++batched == BATCH_SIZE) {
        flush();
      }
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("Storing incident " + incident.sourceId() + " failed", e);
    }
  }

  @Override
  public void finish() {
    try {
      flush();
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("Storing incidents failed", e);
    }
  }

  private void flush() throws SQLException {
    if (batched > 0) {
      statement.executeBatch();
      batched = 0;
    }
  }

  @Override
  public void close() {
    try {
      statement.close();
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("Closing the incident upsert failed", e);
    }
  }
}
