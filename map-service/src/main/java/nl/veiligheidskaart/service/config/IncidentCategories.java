package nl.veiligheidskaart.service.config;

import java.util.Collections;
import java.util.List;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import org.springframework.stereotype.Component;

/** The configured incident category codes (case-insensitive), and the one way requests name them. */
@Component
public class IncidentCategories {

  private final SortedSet<String> codes;
  private final Map<String, String> labels = new HashMap<>();

  IncidentCategories(VeiligheidskaartProperties properties) {
    SortedSet<String> configured = new TreeSet<>();
    properties.categories().forEach(category -> {
      configured.add(category.code().toLowerCase(Locale.ROOT));
      labels.put(category.code().toLowerCase(Locale.ROOT), category.label());
    });
    this.codes = Collections.unmodifiableSortedSet(configured);
  }

  /** The Dutch label of a category, as the viewer and the packs show it; the code itself when it has none. */
  public String label(String code) {
    return labels.getOrDefault(code.toLowerCase(Locale.ROOT), code);
  }

  public boolean contains(String code) {
    return codes.contains(code.toLowerCase(Locale.ROOT));
  }

  /** The codes, comma-separated, for messages. */
  public String known() {
    return String.join(", ", codes);
  }

  /**
   * The codes of a request parameter given once or repeated, each possibly comma-separated.
   *
   * @throws InvalidParameterException naming the parameter for an unknown code
   */
  public List<String> parse(List<String> values, String parameter) {
    if (values == null) {
      return List.of();
    }
    List<String> parsed = values.stream().flatMap(value -> List.of(value.split(",")).stream())
        .map(value -> value.strip().toLowerCase(Locale.ROOT)).filter(value -> !value.isEmpty()).toList();
    parsed.stream().filter(code -> !codes.contains(code)).findFirst().ifPresent(code -> {
      throw new InvalidParameterException(parameter, "'" + code + "' is not a category; known are " + known());
    });
    return parsed;
  }
}
