package nl.veiligheidskaart.service.intake;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period of an area statistic: a year ({@code 2019}), a quarter ({@code 2019-Q3}) or a month
 * ({@code 2019-07}), with the half-open date range [start, end) it covers.
 */
public record StatisticPeriod(String label, LocalDate start, LocalDate end) {

  private static final Pattern YEAR = Pattern.compile("(\\d{4})");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-?[Qq]([1-4])");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");

  /** @throws IllegalArgumentException naming the accepted forms */
  public static StatisticPeriod parse(String text) {
    Matcher m;
    if ((m = YEAR.matcher(text)).matches()) {
      LocalDate start = LocalDate.of(Integer.parseInt(m.group(1)), 1, 1);
      return new StatisticPeriod(m.group(1), start, start.plusYears(1));
    }
    if ((m = QUARTER.matcher(text)).matches()) {
      int quarter = Integer.parseInt(m.group(2));
      LocalDate start = LocalDate.of(Integer.parseInt(m.group(1)), 3 * quarter - 2, 1);
      return new StatisticPeriod(m.group(1) + "-Q" + quarter, start, start.plusMonths(3));
    }
    if ((m = MONTH.matcher(text)).matches()) {
      LocalDate start = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 1);
      return new StatisticPeriod(text, start, start.plusMonths(1));
    }
    throw new IllegalArgumentException("'" + text + "' is not a period; use a year (2019), a quarter (2019-Q3) "
        + "or a month (2019-07)");
  }
}
