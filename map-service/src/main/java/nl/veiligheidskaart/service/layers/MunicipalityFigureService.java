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
import nl.veiligheidskaart.service.api.MunicipalityFigures;
import nl.veiligheidskaart.service.api.MunicipalityFigures.CategoryCount;
import nl.veiligheidskaart.service.api.MunicipalityFigures.MonthCount;
import nl.veiligheidskaart.service.config.PrivacyProperties;
import nl.veiligheidskaart.service.config.VeiligheidskaartProperties;
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
  private final int minimumCount;

  MunicipalityFigureService(IncidentIndexLoader incidents, VeiligheidskaartProperties properties,
      PrivacyProperties privacy) {
    this.incidents = incidents;
    this.categories = properties.categories();
    this.minimumCount = privacy.minimumCount();
  }

  /**
   * @param wanted categories to count, empty for all configured ones
   * @param from inclusive; {@code to} exclusive: the period (the caller fills in defaults)
   * @param suppress whether counts below the minimum are hidden (every role but ANALYST)
   */
  public MunicipalityFigures figures(String code, String name, List<String> wanted, Instant from, Instant to,
      boolean suppress) {
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
      boolean hidden = suppress && (counts[0] < minimumCount || counts[1] < minimumCount);
      categoryCounts.add(new CategoryCount(category.code().toLowerCase(Locale.ROOT), category.label(),
          hidden && counts[0] < minimumCount ? null : counts[0], hidden ? null : counts[1], hidden));
    }
    List<MonthCount> months = new ArrayList<>();
    for (int m = 0; m < MONTHS; m++) {
      boolean hidden = suppress && perMonth[m] < minimumCount;
      months.add(new MonthCount(firstMonth.plusMonths(m).toString(), hidden ? null : perMonth[m], hidden));
    }
    return new MunicipalityFigures(code, name, date(from), date(to), date(previousFrom), categoryCounts, months);
  }

  private static String date(Instant instant) {
    return LocalDate.ofInstant(instant, NETHERLANDS).toString();
  }
}
