package nl.veiligheidskaart.service.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipFile;
import nl.veiligheidskaart.service.config.EmbeddedDatabaseConfiguration;
import org.h2.api.ErrorCode;
import org.h2.tools.Restore;

/**
 * {@code backup FILE} and {@code restore FILE} for the embedded store. A backup is H2's
 * {@code BACKUP TO}: a zip of the database file taken from one consistent version of it, while
 * the command holds the store. Restore puts such a zip in place of the store (the old file is kept
 * beside it) and opens the result before it reports success. Both run while the service is
 * stopped: H2 lets one process at a time open the file. PostgreSQL has its own tools
 * (docs/operations.md).
 */
final class StoreBackup {

  private static final Set<String> OPTIONS = Set.of();
  private static final String DATABASE_FILE = EmbeddedDatabaseConfiguration.DATABASE_NAME + ".mv.db";

  private StoreBackup() {
  }

  static int backup(CommandLine.Invocation invocation) {
    String refused = refusal(invocation);
    if (refused != null) {
      return CommandLine.usage(invocation.err(), refused);
    }
    Path dataDir = invocation.dataDir();
    Path file = Path.of(invocation.words().get(1)).toAbsolutePath();
    if (!Files.isRegularFile(dataDir.resolve(DATABASE_FILE))) {
      invocation.err().println("error: there is no store in " + dataDir.toAbsolutePath());
      return 1;
    }
    if (Files.exists(file)) {
      invocation.err().println("error: " + file + " exists; a backup does not overwrite a file");
      return 1;
    }
    try (Connection connection = open(dataDir); Statement statement = connection.createStatement()) {
      statement.execute("BACKUP TO '" + file.toString().replace("'", "''") + "'");
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      invocation.out().println("Backed up the store in " + dataDir.toAbsolutePath() + " to " + file + " ("
          + summary(connection) + ")");
      return 0;
    } catch (SQLException e) {
      invocation.err().println("error: " + problem(e));
      return 1;
    } catch (IOException e) {
      invocation.err().println("error: " + e.getMessage());
      return 1;
    }
  }

  static int restore(CommandLine.Invocation invocation) {
    String refused = refusal(invocation);
    if (refused != null) {
      return CommandLine.usage(invocation.err(), refused);
    }
    Path dataDir = invocation.dataDir();
    Path file = Path.of(invocation.words().get(1)).toAbsolutePath();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      if (zip.getEntry(DATABASE_FILE) == null) {
        invocation.err().println("error: " + file + " is not a backup of this service (no " + DATABASE_FILE + " in it)");
        return 1;
      }
    } catch (IOException e) {
      invocation.err().println("error: " + file + " is not a backup of this service: " + e.getMessage());
      return 1;
    }
    Path current = dataDir.resolve(DATABASE_FILE);
    Path kept = dataDir.resolve(DATABASE_FILE + ".before-restore-"
        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    try {
      EmbeddedDatabaseConfiguration.makePrivate(dataDir);
      if (Files.size(current) > 0) {
        // Opening it proves no service holds the store; then it is kept aside, not overwritten.
        open(dataDir).close();
        Files.move(current, kept, StandardCopyOption.ATOMIC_MOVE);
      } else {
        Files.delete(current);
      }
      Restore.execute(file.toString(), dataDir.toString(), EmbeddedDatabaseConfiguration.DATABASE_NAME);
      Files.setPosixFilePermissions(current, PosixFilePermissions.fromString("rw-------"));
      try (Connection connection = open(dataDir)) {
        invocation.out().println("Restored " + file + " into " + dataDir.toAbsolutePath() + " (" + summary(connection)
            + ")" + (Files.exists(kept) ? "; the store it replaced is kept as " + kept.getFileName() : ""));
      }
      return 0;
    } catch (SQLException | IOException | RuntimeException e) {
      String reason = e instanceof SQLException sql ? problem(sql) : e.getMessage();
      if (Files.exists(kept)) {
        try {
          Files.move(kept, current, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException putBack) {
          reason += "; the previous store is still in " + kept;
        }
      }
      invocation.err().println("error: the store was not restored: " + reason);
      return 1;
    }
  }

  /** Backup and restore take the file and no options, and exist for the embedded store only. */
  private static String refusal(CommandLine.Invocation invocation) {
    String unknown = CommandLine.unknownOption(invocation, OPTIONS);
    if (unknown != null) {
      return unknown;
    }
    if (invocation.serviceProperties().stream().anyMatch(p -> p.startsWith("--spring.datasource.url="))
        || System.getenv("SPRING_DATASOURCE_URL") != null) {
      return "backup and restore are for the embedded store; back PostgreSQL up with pg_dump (docs/operations.md)";
    }
    return null;
  }

  /** Opens the existing store, never creating an empty one. */
  private static Connection open(Path dataDir) throws SQLException {
    return DriverManager.getConnection(EmbeddedDatabaseConfiguration.embeddedUrl(dataDir) + ";IFEXISTS=TRUE", "sa",
        "");
  }

  private static String problem(SQLException e) {
    if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
      return "the store is in use: stop the service first (H2 lets one process open it)";
    }
    return e.getMessage();
  }

  /** What the store holds, so the operator sees the backup is the one meant. */
  private static String summary(Connection connection) throws SQLException {
    StringBuilder text = new StringBuilder();
    for (var table : List.of(List.of("incident", "incidents"), List.of("user_account", "accounts"),
        List.of("audit_entry", "audit entries"))) {
      try (Statement statement = connection.createStatement();
          ResultSet count = statement.executeQuery("SELECT count(*) FROM " + table.get(0))) {
        count.next();
        text.append(text.isEmpty() ? "" : ", ").append(count.getLong(1)).append(' ').append(table.get(1));
      }
    }
    return text.toString();
  }
}
