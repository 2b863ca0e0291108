package nl.veiligheidskaart.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import nl.veiligheidskaart.service.config.EmbeddedDatabaseConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backup FILE} and {@code restore FILE}, run in-process: a store round-trips through a
 * backup into its own data directory (undoing later changes) and into a fresh one elsewhere.
 */
class StoreBackupTest {

  @TempDir
  Path work;

  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  int run(Path dataDir, String... args) {
    List<String> withStore = new ArrayList<>(List.of(args));
    withStore.add("--veiligheidskaart.data-dir=" + dataDir);
    withStore.add("--veiligheidskaart.geodata-dir=" + work.resolve("none"));
    return CommandLine.run(withStore.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void aStoreRoundTripsThroughABackup() throws Exception {
    Path dataDir = work.resolve("data");
    assertThat(run(dataDir, "user", "add", "--username", "voor-backup", "--role", "BBG", "--password",
        "lang-genoeg-wachtwoord")).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(0);
    Path backup = work.resolve("store.zip");

    assertThat(run(dataDir, "backup", backup.toString())).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(0);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Backed up the store").contains("3 accounts");
    assertThat(Files.getPosixFilePermissions(backup)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(run(dataDir, "backup", backup.toString())).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("exists");

    // a change after the backup, which the restore undoes
    assertThat(run(dataDir, "user", "add", "--username", "na-backup", "--role", "BBG", "--password",
        "lang-genoeg-wachtwoord")).isEqualTo(0);
    assertThat(accounts(dataDir)).contains("voor-backup", "na-backup");

    assertThat(run(dataDir, "restore", backup.toString())).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(0);
    assertThat(accounts(dataDir)).contains("beheer", "analist", "voor-backup").doesNotContain("na-backup");
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("the store it replaced is kept as");
    try (var kept = Files.list(dataDir)) {
      assertThat(kept.map(p -> p.getFileName().toString())).anyMatch(name -> name.contains(".before-restore-"));
    }

    Path elsewhere = work.resolve("elsewhere");
    assertThat(run(elsewhere, "restore", backup.toString())).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(0);
    assertThat(accounts(elsewhere)).contains("beheer", "analist", "voor-backup").doesNotContain("na-backup");
    assertThat(Files.getPosixFilePermissions(elsewhere.resolve("veiligheidskaart.mv.db")))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    // the restored store is one the service opens: its migrations are current, so a command runs on it
    assertThat(run(elsewhere, "user", "add", "--username", "na-restore", "--role", "BBG", "--password",
        "lang-genoeg-wachtwoord")).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(0);
  }

  @Test
  void aFileThatIsNoBackupIsRefusedAndTheStoreStaysAsItWas() throws Exception {
    Path dataDir = work.resolve("data");
    assertThat(run(dataDir, "user", "add", "--username", "blijft", "--role", "BBG", "--password",
        "lang-genoeg-wachtwoord")).isEqualTo(0);
    Path notABackup = work.resolve("incidents.zip");
    Files.writeString(notABackup, "source_id,category\n");

    assertThat(run(dataDir, "restore", notABackup.toString())).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("is not a backup of this service");
    assertThat(accounts(dataDir)).contains("blijft");
    assertThat(run(dataDir, "backup", work.resolve("x.zip").toString(), "--spring.datasource.url=jdbc:postgresql:x"))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("pg_dump");
  }

  private static List<String> accounts(Path dataDir) throws Exception {
    List<String> names = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(EmbeddedDatabaseConfiguration.embeddedUrl(dataDir)
        + ";IFEXISTS=TRUE", "sa", ""); ResultSet rows = connection.createStatement()
            .executeQuery("SELECT username FROM user_account")) {
      while (rows.next()) {
        names.add(rows.getString(1));
      }
    }
    return names;
  }
}
