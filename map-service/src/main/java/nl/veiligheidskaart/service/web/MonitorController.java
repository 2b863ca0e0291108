package nl.veiligheidskaart.service.web;

import nl.veiligheidskaart.service.api.StrategyMonitorReport;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.service.monitor.ReportingAreas;
import nl.veiligheidskaart.service.monitor.StrategyMonitor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The strategy monitor: per theme an area's indicator against its baseline and target. */
@RestController
class MonitorController {

  private final StrategyMonitor monitor;
  private final ReportingAreas areas;

  MonitorController(StrategyMonitor monitor, ReportingAreas areas) {
    this.monitor = monitor;
    this.areas = areas;
  }

  @GetMapping("/api/v1/monitor")
  StrategyMonitorReport monitor(MonitorQuery query, DisclosurePolicy policy) {
    return monitor.monitor(query.request(areas), policy);
  }
}
