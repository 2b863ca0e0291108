package nl.veiligheidskaart.service.store;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The PostGIS the PostGIS-backed tests run on: from Testcontainers when a Docker engine answers,
 * else the one named by GEO_TEST_JDBC_URL (scripts/test.sh starts a throwaway one and sets it).
 * Without either the tests fail, saying so; they never skip.
 */
public final class PostgisTestDatabase {

  static final String URL_VARIABLE = "GEO_TEST_JDBC_URL";
  private static PostgreSQLContainer container;

  private PostgisTestDatabase() {
  }

  public static synchronized void register(DynamicPropertyRegistry registry) {
    String url = System.getenv(URL_VARIABLE);
    if (url != null && !url.isBlank()) {
      registry.add("spring.datasource.url", () -> url);
      return;
    }
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      throw new IllegalStateException("The PostGIS tests need a PostGIS: set " + URL_VARIABLE
          + " (jdbc:postgresql://host:port/db?user=...) or run scripts/test.sh, which starts one");
    }
    if (container == null) {
      container = new PostgreSQLContainer(
          DockerImageName.parse("postgis/postgis:15-3.3").asCompatibleSubstituteFor("postgres"));
      container.start();
    }
    registry.add("spring.datasource.url", container::getJdbcUrl);
    registry.add("spring.datasource.username", container::getUsername);
    registry.add("spring.datasource.password", container::getPassword);
  }
}
