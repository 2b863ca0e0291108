package nl.veiligheidskaart.service.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.config.Zones;

/** A date or date-time query parameter ({@code from}, {@code to}, ...), as every endpoint reads it. */
final class DateParameter {

  private DateParameter() {
  }

  /**
   * A date (midnight in the Netherlands) or a date-time with offset; null when absent.
   *
   * @throws InvalidParameterException naming the parameter when it is neither
   */
  static Instant instant(String parameter, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(Zones.NETHERLANDS).toInstant()
          : OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeException e) {
      throw new InvalidParameterException(parameter, parameter + " '" + value
          + "' is not a date (YYYY-MM-DD) or a date-time with offset (2024-03-01T00:00:00+01:00)");
    }
  }

  /**
   * A calendar day (YYYY-MM-DD); null when absent.
   *
   * @throws InvalidParameterException naming the parameter when it is not one
   */
  static LocalDate date(String parameter, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeException e) {
      throw new InvalidParameterException(parameter, parameter + " '" + value + "' is not a date (YYYY-MM-DD)");
    }
  }
}
