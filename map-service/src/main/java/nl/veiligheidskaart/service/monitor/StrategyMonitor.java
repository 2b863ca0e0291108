package nl.veiligheidskaart.service.monitor;

import static nl.veiligheidskaart.service.config.Zones.NETHERLANDS;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.api.StrategyMonitorReport;
import nl.veiligheidskaart.service.api.StrategyMonitorReport.Indicator;
import nl.veiligheidskaart.service.api.StrategyMonitorReport.YearCount;
import nl.veiligheidskaart.service.config.IncidentCategories;
import nl.veiligheidskaart.service.config.StrategyProperties;
import nl.veiligheidskaart.service.config.StrategyProperties.Theme;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.service.incidents.IncidentQuery;
import nl.veiligheidskaart.service.incidents.IncidentReadModel;
import nl.veiligheidskaart.service.store.AreaStatisticEntity;
import nl.veiligheidskaart.service.store.AreaStatisticRepository;
import nl.veiligheidskaart.service.store.CountSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The strategy monitor: per theme of {@link StrategyProperties} the indicator of an area in a year
 * against its baseline year and the strategy's target, from the registered-crime table or from the
 * incidents.
 *
 * <p>The change is {@code (value - baseline) / baseline}, in percent with one decimal, of the counts
 * as the reader sees them. A target is met on time when the change is at least as large, in the
 * target's direction, as the straight path from 0 % in the baseline year to the target in the target
 * year stands in the year asked for (the full target from the target year on).
 */
@Service
@Transactional(readOnly = true)
public class StrategyMonitor {

  /** The longest series one indicator carries. */
  static final int MAX_YEARS = 30;
  private static final Pattern YEAR = Pattern.compile("\\d{4}");

  /**
   * @param category one incident category, offence code or title; null for every theme the source measures
   * @param baseline the baseline year; null for the theme's own (or the year before {@code year})
   * @param year the year to compare; null for the latest whole year the source holds
   * @param atMost whether a {@code year} past the latest the source holds means that latest year (a
   *     profile of this year with a table that ends earlier) instead of an error
   */
  public record Request(ReportingArea area, CountSource source, String category, Integer baseline, Integer year,
      boolean atMost) {

    public Request(ReportingArea area, CountSource source, String category, Integer baseline, Integer year) {
      this(area, source, category, baseline, year, false);
    }
  }

  private final StrategyProperties strategy;
  private final IncidentCategories categories;
  private final IncidentReadModel incidents;
  private final AreaStatisticRepository statistics;
  private final ReportingAreas areas;
  private final Clock clock;

  StrategyMonitor(StrategyProperties strategy, IncidentCategories categories, IncidentReadModel incidents,
      AreaStatisticRepository statistics, ReportingAreas areas, Clock clock) {
    strategy.themes().stream().filter(theme -> !categories.contains(theme.category())).findFirst().ifPresent(theme -> {
      throw new IllegalStateException("veiligheidskaart.strategy.themes: '" + theme.category()
          + "' is no incident category; known are " + categories.known());
    });
    this.strategy = strategy;
    this.categories = categories;
    this.incidents = incidents;
    this.statistics = statistics;
    this.areas = areas;
    this.clock = clock;
  }

  /**
   * @throws InvalidParameterException naming {@code category}, {@code baseline} or {@code year}
   * @throws AccessDeniedException when the reader may not see the whole area, or (ADMIN) incident figures
   */
  public StrategyMonitorReport monitor(Request request, DisclosurePolicy policy) {
    areas.requireVisible(request.area(), policy);
    if (request.source() == CountSource.INCIDENTS && !policy.seesIncidentFigures()) {
      throw new AccessDeniedException("Figures drawn from incidents are not shown to administrators.");
    }
    List<Indicator> indicators = new ArrayList<>();
    for (Measured measured : measured(request)) {
      indicators.add(indicator(measured, request, policy));
    }
    return new StrategyMonitorReport(request.area().code(), request.area().name(),
        request.source().name().toLowerCase(Locale.ROOT), strategy.title(), indicators);
  }

  /** What one indicator counts: a theme's incident category or offence (the theme null when the strategy has none). */
  private record Measured(Theme theme, String category, String label) {
  }

  private List<Measured> measured(Request request) {
    String asked = request.category() == null || request.category().isBlank() ? null : request.category().strip();
    List<Measured> measured = new ArrayList<>();
    if (request.source() == CountSource.INCIDENTS) {
      if (asked != null) {
        String code = categories.parse(List.of(asked), "category").get(0);
        measured.add(new Measured(strategy.theme(code).orElse(null), code, categories.label(code)));
      } else {
        strategy.themes().forEach(theme -> measured.add(new Measured(theme, theme.category(), categories.label(theme.category()))));
      }
      return measured;
    }
    List<String> titles = statistics.categories();
    if (asked != null) {
      Optional<Theme> theme = strategy.theme(asked).filter(t -> t.statistic() != null);
      String code = theme.map(Theme::statistic).orElse(asked);
      String title = offence(titles, code).orElseThrow(() -> new InvalidParameterException("category", "'" + asked
          + "' is neither a theme measured by the registered-crime table nor an offence in it (e.g. 1.1.1)"));
      measured.add(new Measured(theme.or(() -> strategy.themes().stream().filter(t -> t.statistic() != null
          && offence(titles, t.statistic()).equals(Optional.of(title))).findFirst()).orElse(null), title, title));
    } else {
      for (Theme theme : strategy.themes()) {
        if (theme.statistic() != null) {
          offence(titles, theme.statistic()).ifPresent(title -> measured.add(new Measured(theme, title, title)));
        }
      }
    }
    return measured;
  }

  private Indicator indicator(Measured measured, Request request, DisclosurePolicy policy) {
    Counts counts = request.source() == CountSource.INCIDENTS ? new IncidentCounts(measured.category())
        : new StatisticCounts(measured.category());
    int year = request.year() == null || request.atMost() && request.year() > counts.latestYear()
        ? counts.latestYear() : request.year();
    if (year > counts.latestYear()) {
      throw new InvalidParameterException("year", "the latest whole year of " + request.source().name()
          .toLowerCase(Locale.ROOT) + " is " + counts.latestYear() + ", not " + year);
    }
    Theme theme = measured.theme();
    int baselineYear = request.baseline() != null ? request.baseline()
        : theme != null && theme.baselineYear() != null && theme.baselineYear() < year ? theme.baselineYear() : year - 1;
    if (baselineYear >= year || year - baselineYear > MAX_YEARS) {
      throw new InvalidParameterException(request.baseline() != null ? "baseline" : "year", "the baseline year must lie "
          + "before the year and at most " + MAX_YEARS + " years before it; asked: " + baselineYear + " and " + year);
    }
    List<YearCount> series = new ArrayList<>();
    boolean complete = true;
    for (int y = baselineYear; y <= year; y++) {
      Optional<Long> count = counts.in(request.area().municipalities(), y);
      complete &= count.isPresent() && counts.whole(y);
      series.add(new YearCount(y, count.map(policy::shown).orElse(null), count.isPresent()));
    }
    Long baseline = series.get(0).count();
    Long value = series.get(series.size() - 1).count();
    Double change = change(baseline, value);
    // a target is measured from the strategy's own baseline year
    boolean targeted = theme != null && theme.targetChangePercent() != null
        && Integer.valueOf(baselineYear).equals(theme.baselineYear());
    Double expected = targeted ? expectedChange(theme, year) : null;
    Boolean onTrack = !targeted || change == null ? null
        : theme.targetChangePercent() < 0 ? change <= expected : change >= expected;
    return new Indicator(theme == null ? null : theme.category(), measured.category(), measured.label(), baselineYear,
        baseline, year, value, change, targeted ? theme.targetChangePercent() : null,
        targeted ? theme.targetYear() : null, expected, onTrack, complete, series,
        theme == null ? null : theme.holder().orElse(null));
  }

  /** The change from the baseline to the value in percent, one decimal; null when either is not shown or the baseline is 0. */
  static Double change(Long baseline, Long value) {
    if (baseline == null || value == null || baseline == 0) {
      return null;
    }
    return Math.round(1000.0 * (value - baseline) / baseline) / 10.0;
  }

  /**
   * The first calendar year the incidents cover whole: the first incident's year when it happened at
   * the year's first moment, else the year after; none without incidents.
   */
  static int firstWholeYear(IncidentReadModel incidents) {
    return incidents.timeSpan().map(span -> span.first().atZone(NETHERLANDS)).map(first -> first.getDayOfYear() == 1
        && first.toLocalTime().equals(LocalTime.MIDNIGHT) ? first.getYear() : first.getYear() + 1)
        .orElse(Integer.MAX_VALUE);
  }

  /** Where the straight path from the baseline year to the target stands in a year, one decimal. */
  static double expectedChange(Theme theme, int year) {
    double share = Math.min(1.0, (double) (year - theme.baselineYear()) / (theme.targetYear() - theme.baselineYear()));
    return Math.round(10.0 * theme.targetChangePercent() * share) / 10.0;
  }

  private static Optional<String> offence(List<String> titles, String codeOrTitle) {
    return titles.stream().filter(title -> title.equals(codeOrTitle) || title.startsWith(codeOrTitle + " "))
        .findFirst();
  }

  /** The counts of one indicator's source, per year and area. */
  private interface Counts {

    /** The latest whole year the source holds. */
    int latestYear();

    /** The count of the municipalities in a year; empty when the source holds nothing for it. */
    Optional<Long> in(List<String> municipalities, int year);

    /** Whether the source holds the whole year. */
    boolean whole(int year);
  }

  /** Yearly cells of one offence in the registered-crime table. */
  private final class StatisticCounts implements Counts {

    private final Map<Integer, Map<String, Long>> perYear = new HashMap<>();

    StatisticCounts(String title) {
      for (AreaStatisticEntity cell : statistics.find(title, null, null)) {
        if (YEAR.matcher(cell.getPeriod()).matches()) {
          perYear.computeIfAbsent(Integer.parseInt(cell.getPeriod()), y -> new HashMap<>())
              .merge(cell.getMunicipalityCode(), cell.getCount(), Long::sum);
        }
      }
    }

    @Override
    public int latestYear() {
      return perYear.keySet().stream().mapToInt(Integer::intValue).max().orElseThrow(() -> new InvalidParameterException(
          "category", "the registered-crime table holds no yearly figures of this offence"));
    }

    @Override
    public Optional<Long> in(List<String> municipalities, int year) {
      Map<String, Long> cells = perYear.get(year);
      if (cells == null) {
        return Optional.empty();
      }
      return Optional.of(municipalities.stream().mapToLong(code -> cells.getOrDefault(code, 0L)).sum());
    }

    @Override
    public boolean whole(int year) {
      return perYear.containsKey(year);
    }
  }

  /**
   * Incidents of one category per calendar year (Dutch time). Years before the first incident's are
   * not held; the first incident's year is whole only when it began on its first day.
   */
  private final class IncidentCounts implements Counts {

    private final String category;
    private final int firstYear;
    private final int firstWholeYear;

    IncidentCounts(String category) {
      this.category = category;
      this.firstYear = incidents.timeSpan().map(span -> span.first().atZone(NETHERLANDS).getYear())
          .orElse(Integer.MAX_VALUE);
      this.firstWholeYear = firstWholeYear(incidents);
    }

    @Override
    public int latestYear() {
      return LocalDate.now(clock.withZone(NETHERLANDS)).getYear() - 1;
    }

    @Override
    public Optional<Long> in(List<String> municipalities, int year) {
      if (year < firstYear) {
        return Optional.empty(); // before the first incident: not held, rather than none
      }
      Set<String> codes = new HashSet<>(municipalities);
      return Optional.of(incidents.countsByMunicipality(new IncidentQuery(List.of(category), start(year),
          start(year + 1), codes)).values().stream().mapToLong(Long::longValue).sum());
    }

    @Override
    public boolean whole(int year) {
      return year >= firstWholeYear;
    }

    private static Instant start(int year) {
      return LocalDate.of(year, 1, 1).atStartOfDay(NETHERLANDS).toInstant();
    }
  }
}
