package nl.veiligheidskaart.service.layers;

import java.util.List;
import nl.veiligheidskaart.service.api.AreaStatistic;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.disclosure.DisclosedCount;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.service.intake.StatisticPeriod;
import nl.veiligheidskaart.service.store.AreaStatisticEntity;
import nl.veiligheidskaart.service.store.AreaStatisticRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts per municipality, period and category, as the reader's disclosure policy allows: exact
 * for analysts; rounded and suppressed below the minimum for the others, and for a municipality
 * only itself and its neighbours.
 */
@Service
@Transactional(readOnly = true)
public class AreaStatistics {

  private final AreaStatisticRepository statistics;

  AreaStatistics(AreaStatisticRepository statistics) {
    this.statistics = statistics;
  }

  /**
   * @param category a full category title or its code prefix (e.g. {@code 1.1.1}); null for all
   * @param period a year, quarter or month; null for all
   * @param policy how the reader may see the counts, and which municipalities
   * @throws InvalidParameterException for a period that is none, or a category the store does not hold
   */
  public List<AreaStatistic> find(String category, String period, String municipality, DisclosurePolicy policy) {
    String periodLabel = null;
    if (period != null) {
      try {
        periodLabel = StatisticPeriod.parse(period).label();
      } catch (IllegalArgumentException e) {
        throw new InvalidParameterException("period", e.getMessage());
      }
    }
    List<AreaStatisticEntity> cells = statistics.find(category, periodLabel, municipality);
    if (cells.isEmpty() && category != null) {
      // only an empty answer needs the categories: was it this period or place, or no such category?
      List<String> known = statistics.categories();
      if (known.stream().noneMatch(title -> title.equals(category) || title.startsWith(category + " "))) {
        throw new InvalidParameterException("category", "no area statistics of category '" + category + "'; there are "
            + (known.isEmpty() ? "none yet" : known.size() + ", e.g. '" + known.get(0) + "' (or its code)"));
      }
    }
    return cells.stream()
        .filter(cell -> policy.maySee(cell.getMunicipalityCode()))
        .map(cell -> {
          DisclosedCount count = policy.count(cell.getCount());
          return new AreaStatistic(cell.getMunicipalityCode(), cell.getPeriod(), cell.getCategory(), count.value(),
              count.suppressed());
        })
        .toList();
  }
}
