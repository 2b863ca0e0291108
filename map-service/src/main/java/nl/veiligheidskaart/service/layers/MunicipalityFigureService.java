package nl.veiligheidskaart.service.layers;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.veiligheidskaart.service.api.MunicipalityFigures.CategoryCount;
import nl.veiligheidskaart.service.api.MunicipalityFigures.MonthCount;
import nl.veiligheidskaart.service.api.MunicipalityFigures;
import nl.veiligheidskaart.service.config.VeiligheidskaartProperties;
import nl.veiligheidskaart.service.disclosure.DisclosedCount;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.service.maptiles.IncidentIndex;
import nl.veiligheidskaart.service.maptiles.IncidentIndexLoader;
import nl.veiligheidskaart.service.maptiles.MunicipalityChoropleth;
import org.springframework.stereotype.Service;

/**
 * The figures of the viewer's municipality panel, counted from the incident index: per category
 * this period and the one before, and per month over the two years up to the period's end.
 */
@Service
public class MunicipalityFigureService {

  static final int MONTHS = 24;
  private static final ZoneId NETHERLANDS = ZoneId.of("Europe/Amsterdam");

  private final IncidentIndexLoader incidents;
  private final List<VeiligheidskaartProperties.Category> categories;

  MunicipalityFigureService(IncidentIndexLoader incidents, VeiligheidskaartProperties properties) {
    this.incidents = incidents;
    this.categories = properties.categories();
  }

  /**
   * @param wanted categories to count, empty for all configured ones
   * @param from inclusive; {@code to} exclusive: the period (the caller fills in defaults)
   * @param policy how the reader may see the counts
   */
  public MunicipalityFigures figures(String code, String name, List<String> wanted, Instant from, Instant to,
      DisclosurePolicy policy) {
    IncidentIndex index = incidents.current();
    Instant previousFrom = MunicipalityChoropleth.previousPeriodStart(from, to);
    YearMonth lastMonth = YearMonth.from(to.minusMillis(1).atZone(NETHERLANDS));
    YearMonth firstMonth = lastMonth.minusMonths(MONTHS - 1);
    Instant monthsFrom = firstMonth.atDay(1).atStartOfDay(NETHERLANDS).toInstant();
    Map<String, long[]> perCategory = new LinkedHashMap<>();
    for (VeiligheidskaartProperties.Category category : categories) {
      String categoryCode = category.code().toLowerCase(Locale.ROOT);
      if (wanted.isEmpty() || wanted.contains(categoryCode)) {
        perCategory.put(categoryCode, new long[2]);
      }
    }
    long[] perMonth = new long[MONTHS];
    Instant earliest = previousFrom.isBefore(monthsFrom) ? previousFrom : monthsFrom;
    index.forEach(index.select(List.copyOf(perCategory.keySet()), earliest, to), i -> {
      if (!code.equals(index.municipality(i))) {
        return;
      }
      Instant at = index.occurredAt(i);
      long[] counts = perCategory.get(index.category(i));
      if (counts != null && !at.isBefore(previousFrom)) {
        counts[at.isBefore(from) ? 1 : 0]++;
      }
      if (!at.isBefore(monthsFrom)) {
        YearMonth month = YearMonth.from(at.atZone(NETHERLANDS));
        perMonth[(int) firstMonth.until(month, ChronoUnit.MONTHS)]++;
      }
    });
    List<CategoryCount> categoryCounts = new ArrayList<>();
    for (VeiligheidskaartProperties.Category category : categories) {
      long[] counts = perCategory.get(category.code().toLowerCase(Locale.ROOT));
      if (counts == null) {
        continue;
      }
      DisclosedCount count = policy.count(counts[0]);
      DisclosedCount previous = policy.count(counts[1]);
      categoryCounts.add(new CategoryCount(category.code().toLowerCase(Locale.ROOT), category.label(), count.value(),
          previous.value(), count.suppressed() || previous.suppressed()));
    }
    List<MonthCount> months = new ArrayList<>();
    for (int m = 0; m < MONTHS; m++) {
      DisclosedCount count = policy.count(perMonth[m]);
      months.add(new MonthCount(firstMonth.plusMonths(m).toString(), count.value(), count.suppressed()));
    }
    return new MunicipalityFigures(code, name, date(from), date(to), date(previousFrom), categoryCounts, months);
  }

  private static String date(Instant instant) {
    return LocalDate.ofInstant(instant, NETHERLANDS).toString();
  }
}
