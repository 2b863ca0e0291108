package nl.veiligheidskaart.service.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The types of intervention the register accepts (prefix {@code veiligheidskaart.interventions}):
 * by default the strategy's instruments, from Damocles closure to integral inspection, and "overig".
 */
@ConfigurationProperties("veiligheidskaart.interventions")
public record InterventionTypes(List<Type> types) {

  /** A type: its code, stored and sent, and its Dutch label for the viewer. */
  public record Type(String code, String label) {
  }

  public InterventionTypes {
    types = types == null ? List.of() : List.copyOf(types);
  }

  /** The type of a code, case-insensitive. */
  public Optional<Type> find(String code) {
    String wanted = code.strip().toLowerCase(Locale.ROOT);
    return types.stream().filter(type -> type.code().equals(wanted)).findFirst();
  }

  /** The codes, comma-separated, for messages. */
  public String known() {
    return String.join(", ", types.stream().map(Type::code).toList());
  }
}
