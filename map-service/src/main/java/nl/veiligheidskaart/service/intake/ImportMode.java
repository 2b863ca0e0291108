package nl.veiligheidskaart.service.intake;

import java.util.Locale;

/** How an import treats bad rows. */
public enum ImportMode {
  /** One bad row rejects the whole file; nothing is stored. The default. */
  STRICT,
  /** Bad rows are skipped and reported; the good ones are stored. */
  LENIENT;

  /** Parses {@code strict} or {@code lenient} (any case); null or blank means strict. */
  public static ImportMode parse(String value) {
    if (value == null || value.isBlank()) {
      return STRICT;
    }
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("mode must be 'strict' or 'lenient', not '" + value + "'");
    }
  }
}
