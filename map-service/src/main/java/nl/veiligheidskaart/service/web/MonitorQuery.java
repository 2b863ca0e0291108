package nl.veiligheidskaart.service.web;

import nl.veiligheidskaart.service.monitor.ReportingAreas;
import nl.veiligheidskaart.service.monitor.StrategyMonitor;
import nl.veiligheidskaart.service.store.CountSource;
import org.springdoc.core.annotations.ParameterObject;

/**
 * The query parameters of the strategy monitor: the {@code area} ({@code unit}, a district or a
 * municipality), the {@code source} ({@code statistics}, the registered-crime table, or
 * {@code incidents}), one {@code category} (an incident category, or an offence code such as 1.1.1;
 * absent: every theme of the strategy), the {@code baseline} year and the {@code year} to compare.
 */
@ParameterObject
record MonitorQuery(String area, String source, String category, Integer baseline, Integer year) {

  StrategyMonitor.Request request(ReportingAreas areas) {
    CountSource countSource = EnumParameter.parse("source", source == null ? "statistics" : source,
        CountSource.class);
    return new StrategyMonitor.Request(areas.resolve(area, "area"), countSource, category, baseline, year);
  }
}
