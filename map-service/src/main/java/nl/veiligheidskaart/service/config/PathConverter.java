package nl.veiligheidskaart.service.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Binds directory settings as plain file system paths. Spring's default conversion treats a
 * String as a resource location, which rejects relative paths that climb ({@code ../shared/geodata},
 * the default geodata dir beside a checkout).
 */
@Component
@ConfigurationPropertiesBinding
class PathConverter implements Converter<String, Path> {

  @Override
  public Path convert(String source) {
    return Path.of(source);
  }
}
