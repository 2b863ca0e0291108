package nl.veiligheidskaart.service.layers;

import java.util.List;
import java.util.Set;
import nl.veiligheidskaart.service.api.AreaStatistic;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.config.PrivacyProperties;
import nl.veiligheidskaart.service.geography.MunicipalityScope;
import nl.veiligheidskaart.service.intake.StatisticPeriod;
import nl.veiligheidskaart.service.security.Role;
import nl.veiligheidskaart.service.store.AreaStatisticEntity;
import nl.veiligheidskaart.service.store.AreaStatisticRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts per municipality, period and category, as the reader's role may see them: analysts see
 * everything; other roles see small counts suppressed, and a municipality only itself and its
 * neighbours.
 */
@Service
@Transactional(readOnly = true)
public class AreaStatistics {

  private final AreaStatisticRepository statistics;
  private final MunicipalityScope scope;
  private final int minimumCount;

  AreaStatistics(AreaStatisticRepository statistics, MunicipalityScope scope, PrivacyProperties privacy) {
    this.statistics = statistics;
    this.scope = scope;
    this.minimumCount = privacy.minimumCount();
  }

  /**
   * @param category a full category title or its code prefix (e.g. {@code 1.1.1}); null for all
   * @param period a year, quarter or month; null for all
   * @param ownMunicipality the municipality a MUNICIPALITY reader speaks for, else null
   * @throws InvalidParameterException for a period that is none, or a category the store does not hold
   */
  public List<AreaStatistic> find(String category, String period, String municipality, Role role,
      String ownMunicipality) {
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
    Set<String> visible = scope.visibleCodes(role, ownMunicipality).orElse(null);
    return cells.stream()
        .filter(cell -> visible == null || visible.contains(cell.getMunicipalityCode()))
        .map(cell -> {
          boolean suppressed = role != Role.ANALYST && cell.getCount() < minimumCount;
          return new AreaStatistic(cell.getMunicipalityCode(), cell.getPeriod(), cell.getCategory(),
              suppressed ? null : cell.getCount(), suppressed);
        })
        .toList();
  }
}
