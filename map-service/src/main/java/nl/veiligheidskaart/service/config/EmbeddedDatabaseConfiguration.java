package nl.veiligheidskaart.service.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The default store: an H2GIS file database in the data directory, used whenever no
 * {@code spring.datasource.url} (e.g. PostGIS) is configured, so {@code java -jar} works anywhere.
 */
@Configuration(proxyBeanMethods = false)
public class EmbeddedDatabaseConfiguration {

  /** The database file H2 keeps in the data directory. */
  public static final String DATABASE_NAME = "veiligheidskaart";

  @Bean
  @Primary
  @ConfigurationProperties("spring.datasource")
  DataSourceProperties dataSourceProperties(VeiligheidskaartProperties properties) {
    return new DefaultingToEmbedded(properties.dataDir());
  }

  /** Standard datasource settings, with the embedded file database filled in after binding when no URL is set. */
  static final class DefaultingToEmbedded extends DataSourceProperties {

    private final Path dataDir;

    DefaultingToEmbedded(Path dataDir) {
      this.dataDir = dataDir;
    }

    @Override
    public void afterPropertiesSet() throws Exception {
      if (getUrl() == null && getJndiName() == null) {
        makePrivate(dataDir);
        setUrl(embeddedUrl(dataDir));
        setUsername("sa");
        setPassword("");
      }
      super.afterPropertiesSet();
    }
  }

  /**
   * H2 takes absolute (or "./"-prefixed) file paths only, so the data directory is made absolute.
   * WRITE_DELAY=0: a commit is written to the file before the client is answered (H2 would
   * otherwise hold it for up to half a second, and a killed process lost imports it had
   * confirmed). DB_CLOSE_ON_EXIT=FALSE: on a stop the service closes the database after its
   * requests are done, not H2's own shutdown hook in the middle of them.
   */
  public static String embeddedUrl(Path dataDir) {
    return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve(DATABASE_NAME)
        + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
  }

  /**
   * The data directory holds police data and account hashes: readable by the service's user only.
   * The database file is created empty with mode 0600 before H2 first opens it (H2 would create it
   * with the process umask), and files left by older versions are narrowed too.
   */
  public static void makePrivate(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
      if (!Files.getFileStore(dataDir).supportsFileAttributeView("posix")) {
        return;
      }
      Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
      Path database = dataDir.resolve(DATABASE_NAME + ".mv.db");
      if (Files.notExists(database)) {
        Files.createFile(database, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
      try (Stream<Path> files = Files.list(dataDir)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare the data directory " + dataDir.toAbsolutePath(), e);
    }
  }
}
