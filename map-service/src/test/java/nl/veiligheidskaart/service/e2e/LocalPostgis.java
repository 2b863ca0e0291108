package nl.veiligheidskaart.service.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL 15 + PostGIS cluster of its own, in a temporary directory, that a test can stop
 * and start again. It needs the Debian packages scripts/test.sh installs
 * ({@code postgresql-15-postgis-3}); PostgreSQL refuses to run as root, so as root it runs as
 * the {@code postgres} user.
 */
final class LocalPostgis implements AutoCloseable {

  private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

  private final Path dir;
  private final int port;

  private LocalPostgis(Path dir, int port) {
    this.dir = dir;
    this.port = port;
  }

  /** Creates the cluster and the database with the PostGIS extension, and starts it. */
  static LocalPostgis create(String database) throws IOException, InterruptedException {
    if (!Files.isExecutable(BIN.resolve("initdb"))) {
      throw new IllegalStateException("No PostgreSQL 15 in " + BIN + ": run scripts/test.sh, which installs it");
    }
    Path dir = Files.createTempDirectory("veiligheidskaart-restart-");
    if (root()) {
      run("chown", "postgres", dir.toString());
    }
    LocalPostgis postgis = new LocalPostgis(dir, freePort());
    postgis.asPostgres(BIN.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "postgres",
        "-A", "trust", "-E", "UTF8");
    postgis.start();
    postgis.query("postgres", "CREATE DATABASE " + database);
    postgis.query(database, "CREATE EXTENSION postgis");
    return postgis;
  }

  String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
  }

  void start() throws IOException, InterruptedException {
    asPostgres(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
        dir.resolve("postgres.log").toString(), "-w", "start", "-o",
        "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1");
  }

  /** A fast shutdown, as an operator's restart does: open sessions are ended, their transactions rolled back. */
  void stop() throws IOException, InterruptedException {
    asPostgres(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop");
  }

  /** What psql prints for a statement: values unaligned, separated by '|'. */
  String query(String database, String sql) throws IOException, InterruptedException {
    return asPostgres(BIN.resolve("psql").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U",
        "postgres", "-d", database, "-At", "-v", "ON_ERROR_STOP=1", "-c", sql).strip();
  }

  /**
   * Backs {@code database} up and restores it into the new database {@code restored}, by the
   * recipe of docs/operations.md: {@code pg_dump -Fc}, {@code createdb}, {@code pg_restore --no-owner}.
   */
  void dumpAndRestore(String database, String restored) throws IOException, InterruptedException {
    String dump = dir.resolve(database + ".dump").toString();
    String[] server = {"-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres"};
    asPostgres(concat(new String[] {BIN.resolve("pg_dump").toString(), "-Fc", "-d", database, "-f", dump}, server));
    asPostgres(concat(new String[] {BIN.resolve("createdb").toString(), restored}, server));
    asPostgres(concat(new String[] {BIN.resolve("pg_restore").toString(), "-d", restored, "--no-owner", dump},
        server));
  }

  private static String[] concat(String[] command, String[] options) {
    List<String> all = new ArrayList<>(List.of(command));
    all.addAll(1, List.of(options));
    return all.toArray(String[]::new);
  }

  @Override
  public void close() throws IOException, InterruptedException {
    asPostgres(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "stop");
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  private String asPostgres(String... command) throws IOException, InterruptedException {
    List<String> full = new ArrayList<>();
    if (root()) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(List.of(command));
    return run(full.toArray(String[]::new));
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
    }
    return output;
  }

  private static boolean root() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
