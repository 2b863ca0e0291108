package nl.veiligheidskaart.service.web;

import java.util.Arrays;
import nl.veiligheidskaart.service.api.InvalidParameterException;

/**
 * A list of band breaks in a query string, e.g. {@code distanceBands=0,100,200,400,800}: numbers
 * separated by commas, starting at 0 and increasing strictly; each break starts a band [a, b).
 */
final class BandBreaks {

  /** More bands than this make a table no analyst reads. */
  static final int MAX_BREAKS = 20;

  private BandBreaks() {
  }

  /** Breaks in metres. */
  static double[] metres(String parameter, String value) {
    double[] breaks = parse(parameter, value);
    for (double b : breaks) {
      if (!Double.isFinite(b)) {
        throw new InvalidParameterException(parameter, parameter + " must be finite numbers of metres");
      }
    }
    return breaks;
  }

  /** Breaks in whole days. */
  static int[] days(String parameter, String value) {
    double[] breaks = parse(parameter, value);
    if (Arrays.stream(breaks).anyMatch(b -> b != Math.rint(b) || b > Integer.MAX_VALUE)) {
      throw new InvalidParameterException(parameter, parameter + " must be whole numbers of days");
    }
    return Arrays.stream(breaks).mapToInt(b -> (int) b).toArray();
  }

  private static double[] parse(String parameter, String value) {
    String[] parts = value.split(",", -1);
    if (parts.length < 2 || parts.length > MAX_BREAKS) {
      throw new InvalidParameterException(parameter, parameter + " takes 2 to " + MAX_BREAKS
          + " breaks separated by commas, starting at 0 (e.g. 0,100,200), not '" + value + "'");
    }
    double[] breaks = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        breaks[i] = Double.parseDouble(parts[i].strip());
      } catch (NumberFormatException e) {
        throw new InvalidParameterException(parameter, "'" + parts[i].strip() + "' in " + parameter
            + " is not a number");
      }
      if (i == 0 ? breaks[0] != 0 : !(breaks[i] > breaks[i - 1])) {
        throw new InvalidParameterException(parameter, parameter + " must start at 0 and increase strictly, "
            + "not '" + value + "'");
      }
    }
    return breaks;
  }
}
