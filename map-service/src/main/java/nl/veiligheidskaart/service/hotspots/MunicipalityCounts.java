package nl.veiligheidskaart.service.hotspots;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.incidents.IncidentQuery;
import nl.veiligheidskaart.service.incidents.IncidentReadModel;
import nl.veiligheidskaart.service.store.AreaStatisticEntity;
import nl.veiligheidskaart.service.store.AreaStatisticRepository;
import nl.veiligheidskaart.service.store.CountSource;
import org.springframework.stereotype.Component;

/**
 * Counts per municipality for the analyses of municipalities (hot spots, clusters, rates): the
 * selected incidents in the area, or one category and period of the area statistics.
 */
@Component
class MunicipalityCounts {

  private final IncidentReadModel incidents;
  private final AreaStatisticRepository statistics;

  MunicipalityCounts(IncidentReadModel incidents, AreaStatisticRepository statistics) {
    this.incidents = incidents;
    this.statistics = statistics;
  }

  /**
   * @param statisticCategory with {@code period}: the statistic to read, both required for the statistics
   * @throws InvalidParameterException naming {@code period} or {@code category} when the statistic is not named whole
   */
  Map<String, Long> of(CountSource source, IncidentSelection selection, AnalysisArea.Area area,
      String statisticCategory, String period) {
    if (source == CountSource.INCIDENTS) {
      return incidents.countsByMunicipality(new IncidentQuery(selection.categories(), selection.from(),
          selection.to(), Set.copyOf(area.codes())));
    }
    if (statisticCategory == null || period == null) {
      throw new InvalidParameterException(period == null ? "period" : "category",
          "area statistics need one category (title or code, e.g. 1.1.1) and one period (e.g. 2018)");
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    for (AreaStatisticEntity cell : statistics.find(statisticCategory, period, null)) {
      counts.merge(cell.getMunicipalityCode(), cell.getCount(), Long::sum);
    }
    return counts;
  }
}
