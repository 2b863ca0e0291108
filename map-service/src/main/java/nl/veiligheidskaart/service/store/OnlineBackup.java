package nl.veiligheidskaart.service.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import nl.veiligheidskaart.service.api.ConflictException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * A backup of the embedded store while the service runs: H2's {@code BACKUP TO} copies one
 * consistent version of the database file without stopping readers or writers. The zip is the one
 * {@code java -jar map-service.jar restore FILE} takes.
 */
@Service
public class OnlineBackup {

  private final JdbcTemplate jdbc;
  private final boolean embedded;

  OnlineBackup(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
    try (Connection connection = dataSource.getConnection()) {
      this.embedded = connection.getMetaData().getURL().startsWith("jdbc:h2:file:");
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("Cannot tell which database this is", e);
    }
  }

  /** Writes the backup to a new private temporary file, which the caller deletes. */
  public Path toTemporaryFile() {
    if (!embedded) {
      throw new ConflictException("This service stores in PostgreSQL: back it up with pg_dump (docs/operations.md)");
    }
    try {
      Path directory = Files.createTempDirectory("veiligheidskaart-backup-",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      Path file = directory.resolve("veiligheidskaart.zip");
      jdbc.execute("BACKUP TO '" + file.toString().replace("'", "''") + "'");
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes a backup file and the directory made for it. */
  public static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
      Files.deleteIfExists(file.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
