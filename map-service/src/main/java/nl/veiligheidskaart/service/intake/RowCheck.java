package nl.veiligheidskaart.service.intake;

import static nl.veiligheidskaart.service.config.Zones.NETHERLANDS;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.veiligheidskaart.service.api.RowError;

/**
 * Reads the values of one row, checking each; every problem is collected (not just the first) so
 * the report tells the user everything to fix in one go. Getters return null for a value that is
 * missing or wrong.
 */
final class RowCheck {

  /** Times without an offset are Dutch local time. */
  private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
  private static final Pattern ISO_SHAPE =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})?)?");
  private static final Set<String> TRUE = Set.of("true", "ja", "yes", "1", "j", "y");
  private static final Set<String> FALSE = Set.of("false", "nee", "no", "0", "n");

  /** When a source time is a date only, or a date-time with or without offset. */
  record OccurredAt(Instant instant, boolean hasTime) {
  }

  private final SourceRow row;
  private final Clock clock;
  private final List<RowError> errors = new ArrayList<>();

  RowCheck(SourceRow row, Clock clock) {
    this.row = row;
    this.clock = clock;
    if (row.malformed() != null) {
      errors.add(new RowError(row.line(), null, row.malformed()));
    }
  }

  SourceRow row() {
    return row;
  }

  /** Today in the Netherlands: no incident or statistic can lie after it. */
  LocalDate today() {
    return LocalDate.now(clock.withZone(NETHERLANDS));
  }

  boolean ok() {
    return errors.isEmpty();
  }

  List<RowError> errors() {
    return errors;
  }

  void fail(String column, String message) {
    errors.add(new RowError(row.line(), column, message));
  }

  /** The raw value, or null when absent (after recording an error when it is required). */
  String text(String column, boolean required) {
    String value = row.values().get(column);
    if (value == null && required && row.malformed() == null) {
      fail(column, column + " is missing");
    }
    return value;
  }

  String text(String column, boolean required, int maxLength) {
    String value = text(column, required);
    if (value != null && value.length() > maxLength) {
      fail(column, column + " is longer than " + maxLength + " characters");
      return null;
    }
    return value;
  }

  LocalDate date(String column, boolean required) {
    String value = text(column, required);
    if (value == null) {
      return null;
    }
    try {
      return plausible(column, value, LocalDate.parse(value));
    } catch (DateTimeParseException e) {
      fail(column, "'" + value + "' is not a date (expected YYYY-MM-DD" + (isDateShaped(value) ? ", and this day does not exist)" : ")"));
      return null;
    }
  }

  /** A date (midnight, Amsterdam) or a date-time, with an offset or in Amsterdam local time. */
  OccurredAt occurredAt(String column) {
    return occurredAt(column, true);
  }

  /** As {@link #occurredAt(String)}; null when an optional column is empty. */
  OccurredAt occurredAt(String column, boolean required) {
    String value = text(column, required);
    if (value == null) {
      return null;
    }
    try {
      if (value.length() == 10) {
        LocalDate date = plausible(column, value, LocalDate.parse(value));
        return date == null ? null : new OccurredAt(date.atStartOfDay(NETHERLANDS).toInstant(), false);
      }
      Instant instant = hasOffset(value)
          ? OffsetDateTime.parse(value).toInstant()
          : LocalDateTime.parse(value).atZone(NETHERLANDS).toInstant();
      LocalDate date = plausible(column, value, instant.atZone(NETHERLANDS).toLocalDate());
      return date == null ? null : new OccurredAt(instant, true);
    } catch (DateTimeParseException e) {
      fail(column, "'" + value + "' is not a date or date-time (expected e.g. 2024-03-01 or 2024-03-01T21:30"
          + (isDateShaped(value) ? "; this day or time does not exist)" : ")"));
      return null;
    }
  }

  Boolean bool(String column, boolean defaultValue) {
    String value = text(column, false);
    if (value == null) {
      return defaultValue;
    }
    String normalised = value.toLowerCase(Locale.ROOT);
    if (TRUE.contains(normalised)) {
      return true;
    }
    if (FALSE.contains(normalised)) {
      return false;
    }
    fail(column, "'" + value + "' is not a yes/no value (use true/false or ja/nee)");
    return null;
  }

  Long wholeNumber(String column, boolean required, long minimum) {
    String value = text(column, required);
    if (value == null) {
      return null;
    }
    try {
      long number = Long.parseLong(value);
      if (number < minimum) {
        fail(column, column + " must be at least " + minimum + ", not " + value);
        return null;
      }
      return number;
    } catch (NumberFormatException e) {
      fail(column, "'" + value + "' is not a whole number");
      return null;
    }
  }

  Double number(String column) {
    String value = text(column, true);
    if (value == null) {
      return null;
    }
    try {
      double number = Double.parseDouble(value);
      if (!Double.isFinite(number)) {
        throw new NumberFormatException();
      }
      return number;
    } catch (NumberFormatException e) {
      fail(column, column + " '" + value + "' is not a number" + (value.contains(",") ? " (use a decimal point)" : ""));
      return null;
    }
  }

  /** One of the constants of an enum, written in lower case in files (e.g. business_premises). */
  <E extends Enum<E>> E choice(String column, Class<E> type, boolean required) {
    String value = text(column, required);
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      fail(column, "'" + value + "' is not one of " + Arrays.stream(type.getEnumConstants())
          .map(constant -> constant.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
      return null;
    }
  }

  private LocalDate plausible(String column, String value, LocalDate date) {
    if (date.isBefore(EARLIEST)) {
      fail(column, value + " lies before " + EARLIEST);
      return null;
    }
    if (date.isAfter(today())) {
      fail(column, value + " lies in the future");
      return null;
    }
    return date;
  }

  private static boolean hasOffset(String value) {
    int time = value.indexOf('T');
    return value.endsWith("Z") || time > 0 && (value.indexOf('+', time) > 0 || value.indexOf('-', time) > 0);
  }

  /** Shaped like an ISO date (-time) yet refused by the parser: then the day or time does not exist. */
  private static boolean isDateShaped(String value) {
    return ISO_SHAPE.matcher(value).matches();
  }
}
