package nl.veiligheidskaart.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import nl.veiligheidskaart.service.SharedGeodata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar map-service.jar user add ...}, run in-process against a fresh data directory. */
class CommandLineTest {

  @TempDir
  Path dataDir;

  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  int run(String... args) {
    String[] withStore = new String[args.length + 2];
    System.arraycopy(args, 0, withStore, 0, args.length);
    withStore[args.length] = "--veiligheidskaart.data-dir=" + dataDir;
    withStore[args.length + 1] = "--veiligheidskaart.geodata-dir=" + dataDir.resolve("none");
    return CommandLine.run(withStore, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void addsAnAccountAuditedAndRefusesTheSameNameTwice() throws SQLException {
    assertThat(run("user", "add", "--username", "gm-apeldoorn", "--role", "MUNICIPALITY", "--municipality", "GM0200",
        "--password", "lang-genoeg-wachtwoord")).isEqualTo(0);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("Created account 'gm-apeldoorn' with role MUNICIPALITY for GM0200");
    try (Connection store = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("veiligheidskaart"), "sa", "");
        ResultSet row = store.createStatement().executeQuery("SELECT event, username, method, endpoint, detail "
            + "FROM audit_entry WHERE event = 'account-change' AND endpoint = 'user add'")) {
      assertThat(row.next()).as("the creation is in the audit trail").isTrue();
      assertThat(row.getString("username")).endsWith("(command line)");
      assertThat(row.getString("method")).isEqualTo("CLI");
      assertThat(row.getString("detail")).isEqualTo("account 'gm-apeldoorn' created: role MUNICIPALITY, municipality GM0200");
    }

    assertThat(run("user", "add", "--username", "gm-apeldoorn", "--role", "BBG", "--password",
        "lang-genoeg-wachtwoord")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("already exists");
  }

  @Test
  void aBadValueIsNamedAndNothingIsStored() {
    assertThat(run("user", "add", "--username", "iemand", "--role", "BURGEMEESTER", "--password",
        "lang-genoeg-wachtwoord")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: --role: role must be one of");
  }

  @Test
  void wrongUsageShowsHowToUseIt() {
    assertThat(CommandLine.run(new String[] {"user", "remove", "iemand"}, new PrintStream(out),
        new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: java -jar map-service.jar user add");

    assertThat(run("user", "add", "--username")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--username needs a value");
  }

  int runWithBoundaries(String... args) {
    String[] withStore = new String[args.length + 2];
    System.arraycopy(args, 0, withStore, 0, args.length);
    withStore[args.length] = "--veiligheidskaart.data-dir=" + dataDir;
    withStore[args.length + 1] = "--veiligheidskaart.geodata-dir=" + SharedGeodata.dir();
    return CommandLine.run(withStore, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  static String fixture(String name) throws URISyntaxException {
    return Path.of(CommandLineTest.class.getResource("/intake/" + name).toURI()).toString();
  }

  @Test
  void importsAFileWithAProgressBarAndAReport() throws Exception {
    assertThat(runWithBoundaries("import", "incidents", fixture("incidents-valid.csv"))).isEqualTo(0);

    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Imported: 5 rows accepted, 0 rejected, 0 errors");
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("[##############################] 100 %");
  }

  @Test
  void aRefusedImportExitsWith1AndNamesTheLine() throws Exception {
    assertThat(runWithBoundaries("import", "incidents", fixture("incidents-duplicate-source-id.csv"))).isEqualTo(1);

    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("line 4, source_id: source_id 'DUP-001' occurs twice: also on line 2")
        .contains("Refused, nothing stored: 2 rows accepted, 1 rejected, 1 errors");

    assertThat(runWithBoundaries("import", "incidents", fixture("incidents-duplicate-source-id.csv"), "--mode",
        "lenient")).isEqualTo(0);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Imported: 2 rows accepted, 1 rejected, 1 errors");
  }

  @Test
  void anUnreadableFileNamesTheLineAndAWrongLayerOrPathIsUsage() throws Exception {
    assertThat(runWithBoundaries("import", "incidents", fixture("incidents-missing-category-column.csv")))
        .isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("incidents-missing-category-column.csv:1: "
        + "the header has no column 'category'; found source_id,occurred_at,x,y; nothing was stored");

    assertThat(run("import", "fietsen", fixture("incidents-valid.csv"))).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no import for 'fietsen'");
    assertThat(run("import", "incidents", dataDir.resolve("bestaat-niet.csv").toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("bestaat-niet.csv: no such file");
  }
}
