package nl.veiligheidskaart.service.briefings;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import nl.veiligheidskaart.service.disclosure.DisclosedCount;

/**
 * Figures as the packs print them, in Dutch: counts with a point per thousand (9.311), rates and
 * changes with a decimal comma (3,4; -34,7%), dates written out (3 december 2026), and "klein" where
 * a count is withheld from the reader (below the minimum that may be shown).
 */
final class DutchFigures {

  private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", DUTCH);

  private DutchFigures() {
  }

  static String day(LocalDate date) {
    return DAY.format(date);
  }

  /** A count as shown: "klein" where it is withheld. */
  static String count(Long count) {
    return count == null ? "klein" : NumberFormat.getIntegerInstance(DUTCH).format(count);
  }

  static String count(DisclosedCount count) {
    return count(count.value());
  }

  /** A number with one decimal; "–" where there is none. */
  static String decimal(Double value) {
    if (value == null) {
      return "–";
    }
    NumberFormat format = NumberFormat.getNumberInstance(DUTCH);
    format.setMinimumFractionDigits(1);
    format.setMaximumFractionDigits(1);
    return format.format(value);
  }

  /** A change in percent with its sign and one decimal (-34,7%); "–" where there is none. */
  static String percent(Double change) {
    return change == null ? "–" : (change > 0 ? "+" : "") + decimal(change) + "%";
  }
}
