package nl.veiligheidskaart.service.layers;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.veiligheidskaart.service.api.MunicipalityFigures.CategoryCount;
import nl.veiligheidskaart.service.api.MunicipalityFigures.MonthCount;
import nl.veiligheidskaart.service.api.MunicipalityFigures;
import nl.veiligheidskaart.service.config.VeiligheidskaartProperties;
import nl.veiligheidskaart.service.config.Zones;
import nl.veiligheidskaart.service.disclosure.DisclosedCount;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.service.incidents.IncidentQuery;
import nl.veiligheidskaart.service.incidents.IncidentReadModel;
import org.springframework.stereotype.Service;

/**
 * The figures of the viewer's municipality panel, counted by the incident read model: per category
 * this period and the one before, with the rate per 1,000 inhabitants of the year nearest to the
 * period's start, and per month over the two years up to the period's end.
 */
@Service
public class MunicipalityFigureService {

  static final int MONTHS = 24;

  private final IncidentReadModel incidents;
  private final PopulationService population;
  private final List<VeiligheidskaartProperties.Category> categories;

  MunicipalityFigureService(IncidentReadModel incidents, PopulationService population,
      VeiligheidskaartProperties properties) {
    this.incidents = incidents;
    this.population = population;
    this.categories = properties.categories();
  }

  /**
   * @param wanted categories to count, empty for all configured ones
   * @param from inclusive; {@code to} exclusive: the period (the caller fills in defaults)
   * @param policy how the reader may see the counts
   */
  public MunicipalityFigures figures(String code, String name, List<String> wanted, Instant from, Instant to,
      DisclosurePolicy policy) {
    Instant previousFrom = IncidentQuery.previousPeriodStart(from, to);
    YearMonth lastMonth = YearMonth.from(to.minusMillis(1).atZone(Zones.NETHERLANDS));
    YearMonth firstMonth = lastMonth.minusMonths(MONTHS - 1);
    Instant monthsFrom = firstMonth.atDay(1).atStartOfDay(Zones.NETHERLANDS).toInstant();
    List<String> counted = new ArrayList<>();
    for (VeiligheidskaartProperties.Category category : categories) {
      String categoryCode = category.code().toLowerCase(Locale.ROOT);
      if (wanted.isEmpty() || wanted.contains(categoryCode)) {
        counted.add(categoryCode);
      }
    }
    IncidentQuery here = new IncidentQuery(counted, from, to, Set.of(code));
    Map<String, Long> now = incidents.countsByMunicipalityAndCategory(here).getOrDefault(code, Map.of());
    Map<String, Long> before = incidents.countsByMunicipalityAndCategory(here.during(previousFrom, from))
        .getOrDefault(code, Map.of());
    Map<YearMonth, Long> perMonth = incidents.countsByMonth(here.during(monthsFrom, to));
    int periodYear = LocalDate.ofInstant(from, Zones.NETHERLANDS).getYear();
    PopulationTable.Inhabitants inhabitants = population.table().inhabitants(code, periodYear).orElse(null);
    List<CategoryCount> categoryCounts = new ArrayList<>();
    for (VeiligheidskaartProperties.Category category : categories) {
      String categoryCode = category.code().toLowerCase(Locale.ROOT);
      if (!counted.contains(categoryCode)) {
        continue;
      }
      DisclosedCount count = policy.count(now.getOrDefault(categoryCode, 0L));
      DisclosedCount previous = policy.count(before.getOrDefault(categoryCode, 0L));
      categoryCounts.add(new CategoryCount(categoryCode, category.label(), count.value(), previous.value(),
          count.suppressed() || previous.suppressed(),
          inhabitants == null ? null : count.ratePer1000(inhabitants.inhabitants())));
    }
    List<MonthCount> months = new ArrayList<>();
    for (int m = 0; m < MONTHS; m++) {
      YearMonth month = firstMonth.plusMonths(m);
      DisclosedCount count = policy.count(perMonth.getOrDefault(month, 0L));
      months.add(new MonthCount(month.toString(), count.value(), count.suppressed()));
    }
    return new MunicipalityFigures(code, name, date(from), date(to), date(previousFrom),
        inhabitants == null ? null : inhabitants.inhabitants(), inhabitants == null ? null : inhabitants.year(),
        categoryCounts, months);
  }

  private static String date(Instant instant) {
    return LocalDate.ofInstant(instant, Zones.NETHERLANDS).toString();
  }
}
