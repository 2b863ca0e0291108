package nl.veiligheidskaart.service.demo;

import static nl.veiligheidskaart.service.config.Zones.NETHERLANDS;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * How the demo data draws incidents of one category: how often, where and when, and with which
 * modus. The rhythms are relative weights per month, weekday and hour.
 *
 * @param code category code of the import format
 * @param share fraction of the (non-planted) incidents
 * @param ruralShare fraction placed anywhere in the municipality rather than in its town
 * @param atHolidayParks placed inside the demo holiday parks instead of in towns
 * @param dateOnlyShare fraction reported with a date only (time unknown)
 * @param months weight per month, January first, largest 1
 * @param weekdays weight per weekday, Monday first, largest 1
 * @param hours the hour of the day
 * @param modi free-text modus values, drawn uniformly
 */
record DemoCategory(String code, double share, double ruralShare, boolean atHolidayParks,
    double dateOnlyShare, double[] months, double[] weekdays, WeightedChoice<Integer> hours,
    List<String> modi) {


  // Months: burglars work in the dark (Oct-Feb); youths are out in summer and at New Year.
  private static final double[] DARK_MONTHS =
      profile(1.4, 1.2, 1.0, 0.8, 0.7, 0.65, 0.7, 0.8, 0.9, 1.2, 1.45, 1.5);
  private static final double[] SUMMER_MONTHS =
      profile(0.7, 0.7, 0.85, 1.0, 1.15, 1.25, 1.3, 1.3, 1.1, 1.0, 0.8, 1.0);
  private static final double[] EVEN_MONTHS = profile(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);

  // Weekdays: nuisance peaks on Friday and Saturday; signals are registered on working days.
  private static final double[] WEEKEND_NIGHTS = profile(0.8, 0.8, 0.85, 0.9, 1.5, 1.6, 1.0);
  private static final double[] BURGLARY_WEEK = profile(1, 1, 1, 1, 1.1, 1, 0.9);
  private static final double[] WORKING_DAYS = profile(1, 1, 1, 1, 1, 0.3, 0.2);
  private static final double[] EVEN_WEEK = profile(1, 1, 1, 1, 1, 1, 1);

  // Hours: burglary by day in empty houses and above all in the early evening dark.
  private static final WeightedChoice<Integer> BURGLARY_HOURS = hours(0.15, 11, 0.5, 2.5, 18.5, 1.6, 1.5);
  private static final WeightedChoice<Integer> EVENING_HOURS = hours(0.05, 21.5, 1.5, 2.5);
  private static final WeightedChoice<Integer> ROUND_THE_CLOCK = hours(0.4, 15, 1.0, 4);
  private static final WeightedChoice<Integer> OFFICE_HOURS = hours(0.05, 13, 1.0, 3);

  /** The categories of the import format, with shares adding up to 1. */
  static final List<DemoCategory> ALL = List.of(
      new DemoCategory("woninginbraak", 0.22, 0.25, false, 0, DARK_MONTHS, BURGLARY_WEEK, BURGLARY_HOURS,
          List.of("raam geforceerd", "deur geforceerd", "cilinder afgebroken", "flipperen",
              "via openstaand raam", "via achterzijde")),
      new DemoCategory("jeugdoverlast", 0.30, 0.10, false, 0, SUMMER_MONTHS, WEEKEND_NIGHTS, EVENING_HOURS,
          List.of("samenscholing", "geluidsoverlast", "vernieling", "intimidatie", "vuurwerk",
              "scooteroverlast")),
      new DemoCategory("verward-gedrag", 0.22, 0.10, false, 0.05, EVEN_MONTHS, EVEN_WEEK, ROUND_THE_CLOCK,
          List.of("E33-melding", "overlast op straat", "zorgwekkend gedrag", "dreigend gedrag",
              "vervuilde woning")),
      new DemoCategory("jeugd-ondermijning", 0.03, 0.10, false, 0.30, EVEN_MONTHS, EVEN_WEEK, EVENING_HOURS,
          List.of("drugsrunner", "geldezel", "wapenbezit", "ronselen")),
      new DemoCategory("hennep", 0.04, 0.50, false, 0, EVEN_MONTHS, WORKING_DAYS, OFFICE_HOURS,
          List.of("stroomdiefstal", "stankmelding", "kweekafval", "warmtebeeld")),
      new DemoCategory("synthetische-drugs", 0.02, 0.60, false, 0, EVEN_MONTHS, EVEN_WEEK, ROUND_THE_CLOCK,
          List.of("drugsafval gedumpt", "productielocatie", "opslag grondstoffen")),
      new DemoCategory("omg", 0.01, 0.20, false, 0, SUMMER_MONTHS, WEEKEND_NIGHTS, EVENING_HOURS,
          List.of("vertoon clubkleuren", "intimidatie", "geweld", "toertocht")),
      new DemoCategory("vakantieparken", 0.02, 0, true, 0.20, EVEN_MONTHS, WORKING_DAYS, OFFICE_HOURS,
          List.of("permanente bewoning", "illegale verhuur", "criminele bewoners", "drugsopslag")),
      new DemoCategory("witwassen", 0.03, 0.10, false, 0.60, EVEN_MONTHS, WORKING_DAYS, OFFICE_HOURS,
          List.of("ongebruikelijke transactie", "contant geld", "vastgoedaankoop",
              "cash-intensieve onderneming")),
      new DemoCategory("ondermijning", 0.04, 0.30, false, 0.30, EVEN_MONTHS, WORKING_DAYS, OFFICE_HOURS,
          List.of("malafide onderneming", "huisjesmelker", "signaal mensenhandel", "stroomdiefstal")),
      new DemoCategory("cybercrime", 0.07, 0.15, false, 0.20, EVEN_MONTHS, EVEN_WEEK, ROUND_THE_CLOCK,
          List.of("phishing", "whatsappfraude", "ransomware", "account gehackt", "webwinkelfraude")));

  /** The category with this code. */
  static DemoCategory byCode(String code) {
    return ALL.stream().filter(c -> c.code.equals(code)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No demo category " + code));
  }

  /**
   * A moment in the {@code days} days from {@code start}, following the rhythms. A local time that
   * does not exist (the spring-forward hour) moves one hour on, as the clock does.
   */
  LocalDateTime occurredAt(SplittableRandom random, LocalDate start, int days) {
    LocalDate day;
    do {
      day = start.plusDays(random.nextInt(days));
      // rejection sampling: both profiles peak at 1, so the product is an acceptance probability
    } while (random.nextDouble()
        >= months[day.getMonthValue() - 1] * weekdays[day.getDayOfWeek().getValue() - 1]);
    LocalDateTime at = day.atTime(hours.pick(random), random.nextInt(60));
    return NETHERLANDS.getRules().getValidOffsets(at).isEmpty() ? at.plusHours(1) : at;
  }

  String modus(SplittableRandom random) {
    return modi.get(random.nextInt(modi.size()));
  }

  private static double[] profile(double... weights) {
    double max = Arrays.stream(weights).max().orElseThrow();
    return Arrays.stream(weights).map(w -> w / max).toArray();
  }

  /**
   * A base weight plus Gaussian bumps given as (peak hour, height, width in hours), measured
   * around the clock so that a bump at 23:00 spills over into the small hours.
   */
  private static WeightedChoice<Integer> hours(double base, double... bumps) {
    return WeightedChoice.of(IntStream.range(0, 24).boxed().toList(), hour -> {
      double weight = base;
      for (int b = 0; b < bumps.length; b += 3) {
        double distance = Math.abs(hour + 0.5 - bumps[b]);
        distance = Math.min(distance, 24 - distance);
        weight += bumps[b + 1] * Math.exp(-0.5 * Math.pow(distance / bumps[b + 2], 2));
      }
      return weight;
    });
  }
}
