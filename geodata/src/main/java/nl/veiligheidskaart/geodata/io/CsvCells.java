package nl.veiligheidskaart.geodata.io;

import java.util.regex.Pattern;

/**
 * CSV cells that a spreadsheet will not run as formulas (OWASP "CSV injection"): a cell starting
 * with =, +, -, @, tab or carriage return — after any quotes — gets one more leading quote on
 * export, and an import takes one off again. The two are exact inverses, so an export imports back
 * into the same values, whatever they were.
 */
public final class CsvCells {

  private static final Pattern NEEDS_QUOTE = Pattern.compile("'*[=+\\-@\\t\\r].*", Pattern.DOTALL);
  private static final Pattern QUOTED = Pattern.compile("'+[=+\\-@\\t\\r].*", Pattern.DOTALL);

  private CsvCells() {
  }

  /** The cell as it goes into an exported file. */
  public static String escape(String value) {
    return value != null && NEEDS_QUOTE.matcher(value).matches() ? "'" + value : value;
  }

  /** The value of a cell read from a file. */
  public static String unescape(String cell) {
    return cell != null && QUOTED.matcher(cell).matches() ? cell.substring(1) : cell;
  }
}
