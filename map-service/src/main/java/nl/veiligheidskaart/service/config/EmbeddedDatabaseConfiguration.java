package nl.veiligheidskaart.service.config;

import java.nio.file.Path;
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
class EmbeddedDatabaseConfiguration {

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
        setUrl(embeddedUrl(dataDir));
        setUsername("sa");
        setPassword("");
      }
      super.afterPropertiesSet();
    }
  }

  /** H2 takes absolute (or "./"-prefixed) file paths only, so the data directory is made absolute. */
  static String embeddedUrl(Path dataDir) {
    return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("veiligheidskaart");
  }
}
