package nl.veiligheidskaart.service.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import nl.veiligheidskaart.service.config.VeiligheidskaartProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether the store can take the next import, account or audit row, not only answer a query: the
 * database answers and is not read-only (H2 after a write error, a PostgreSQL standby), and for
 * the embedded store its disk has room. A service whose audit rows cannot be written refuses
 * every request (503), so a load balancer must hear DOWN.
 */
@Component("store")
class StoreHealthIndicator extends AbstractHealthIndicator {

  private final JdbcTemplate jdbc;
  private final DataSource dataSource;
  private final Path dataDir;
  private final long minimumFreeBytes;

  StoreHealthIndicator(DataSource dataSource, VeiligheidskaartProperties properties,
      @Value("${veiligheidskaart.store.minimum-free-megabytes:256}") long minimumFreeMegabytes) {
    super("The store cannot take writes");
    this.jdbc = new JdbcTemplate(dataSource);
    this.dataSource = dataSource;
    this.dataDir = properties.dataDir();
    this.minimumFreeBytes = minimumFreeMegabytes * 1024 * 1024;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) throws SQLException, IOException {
    boolean embedded;
    try (Connection connection = dataSource.getConnection()) {
      embedded = connection.getMetaData().getURL().startsWith("jdbc:h2:file:");
    }
    Boolean writable = jdbc.queryForObject(embedded ? "SELECT NOT READONLY()"
        : "SELECT NOT pg_is_in_recovery() AND current_setting('transaction_read_only') = 'off'", Boolean.class);
    if (!Boolean.TRUE.equals(writable)) {
      builder.down().withDetail("reason", "the database is read-only");
      return;
    }
    if (embedded && Files.getFileStore(dataDir).getUsableSpace() < minimumFreeBytes) {
      builder.down().withDetail("reason", "less than " + minimumFreeBytes / (1024 * 1024) + " MB free beside "
          + dataDir.toAbsolutePath());
      return;
    }
    builder.up();
  }
}
