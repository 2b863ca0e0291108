package nl.veiligheidskaart.service.intake;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/** Opens the incident sink that suits the database, on the connection of the current transaction. */
@Component
class IncidentSinks {

  private final DataSource dataSource;
  private final boolean postgres;
  private final JdbcTemplate jdbc;

  IncidentSinks(DataSource dataSource) {
    this.dataSource = dataSource;
    this.jdbc = new JdbcTemplate(dataSource);
    try (Connection connection = dataSource.getConnection()) {
      this.postgres = connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("Cannot tell which database this is", e);
    }
  }

  /** COPY on PostgreSQL; JDBC batches elsewhere, plain inserts into a table without incidents. */
  IncidentSink open() {
    if (postgres) {
      return new PostgresCopyIncidentSink(connection());
    }
    return empty() ? new JdbcIncidentSink(connection(), IncidentSql.H2_INSERT) : portable();
  }

  private boolean empty() {
    return !jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM incident)", Boolean.class);
  }

  /** JDBC batches on any database; on PostgreSQL the reference the COPY path must equal. */
  IncidentSink portable() {
    String sql = postgres ? IncidentSql.postgresUpsert(IncidentSql.POSTGRES_VALUES) : IncidentSql.H2_MERGE;
    return new JdbcIncidentSink(connection(), sql);
  }

  /** The highest incident id stored (0 without incidents), in the current transaction. */
  long lastId() {
    return jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM incident", Long.class);
  }

  /** How many incidents have an id above {@code id}, in the current transaction. */
  long storedAfter(long id) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM incident WHERE id > ?", Long.class, id);
  }

  private Connection connection() {
    return DataSourceUtils.getConnection(dataSource);
  }
}
