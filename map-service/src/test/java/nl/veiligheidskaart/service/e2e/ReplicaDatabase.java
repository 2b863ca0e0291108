package nl.veiligheidskaart.service.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fresh PostGIS database for a test that starts service jars on it: a new database on the
 * throwaway PostGIS of the test command (GEO_TEST_JDBC_URL, set by scripts/test.sh), dropped again
 * afterwards, or, without that variable, a cluster of its own ({@link LocalPostgis}).
 */
final class ReplicaDatabase implements AutoCloseable {

  private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(\\?.*)?");

  private final String jdbcUrl;
  private final String serverUrl;
  private final String name;
  private final LocalPostgis ownCluster;

  private ReplicaDatabase(String jdbcUrl, String serverUrl, String name, LocalPostgis ownCluster) {
    this.jdbcUrl = jdbcUrl;
    this.serverUrl = serverUrl;
    this.name = name;
    this.ownCluster = ownCluster;
  }

  static ReplicaDatabase create(String name) throws Exception {
    String given = System.getenv("GEO_TEST_JDBC_URL");
    if (given == null || given.isBlank()) {
      LocalPostgis cluster = LocalPostgis.create(name);
      return new ReplicaDatabase(cluster.jdbcUrl(name), null, name, cluster);
    }
    Matcher url = URL.matcher(given);
    if (!url.matches()) {
      throw new IllegalStateException("GEO_TEST_JDBC_URL is not a jdbc:postgresql://host:port/db URL: " + given);
    }
    String query = url.group(3) == null ? "" : url.group(3);
    String serverUrl = url.group(1) + url.group(2) + query;
    try (Connection server = DriverManager.getConnection(serverUrl); Statement sql = server.createStatement()) {
      sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      sql.execute("CREATE DATABASE " + name);
    }
    String jdbcUrl = url.group(1) + name + query;
    try (Connection database = DriverManager.getConnection(jdbcUrl); Statement sql = database.createStatement()) {
      sql.execute("CREATE EXTENSION postgis");
    }
    return new ReplicaDatabase(jdbcUrl, serverUrl, name, null);
  }

  String jdbcUrl() {
    return jdbcUrl;
  }

  @Override
  public void close() throws Exception {
    if (ownCluster != null) {
      ownCluster.close();
      return;
    }
    try (Connection server = DriverManager.getConnection(serverUrl); Statement sql = server.createStatement()) {
      sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      throw new IllegalStateException("The test database " + name + " could not be dropped", e);
    }
  }
}
