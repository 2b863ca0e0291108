package nl.veiligheidskaart.service.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import nl.veiligheidskaart.service.api.InvalidParameterException;

/**
 * A parameter that names one constant of an enum, in lower case on the wire with hyphens for
 * underscores ({@code source=statistics}, {@code smoothing=global-eb}).
 */
final class EnumParameter {

  private EnumParameter() {
  }

  /** The constant named, ignoring case and surrounding blanks; 400 naming the parameter and the choices. */
  static <E extends Enum<E>> E parse(String parameter, String value, Class<E> type) {
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException(parameter, parameter + " must be one of " + Arrays.stream(
          type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-'))
          .collect(Collectors.joining(", ")));
    }
  }
}
