package nl.veiligheidskaart.service.web;

import java.util.List;
import nl.veiligheidskaart.geodata.reference.ReferenceGeography;
import nl.veiligheidskaart.service.api.AreaStatistic;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.service.layers.AreaStatistics;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Counts per municipality, period and category, as the reader's disclosure policy allows. */
@RestController
class AreaStatisticController {

  private final AreaStatistics statistics;
  private final ReferenceGeography reference;

  AreaStatisticController(AreaStatistics statistics, ReferenceGeography reference) {
    this.statistics = statistics;
    this.reference = reference;
  }

  @GetMapping("/api/v1/area-statistics")
  List<AreaStatistic> areaStatistics(@RequestParam(required = false) String category,
      @RequestParam(required = false) String period, @RequestParam(required = false) String municipality,
      DisclosurePolicy policy) {
    String code = municipality == null || municipality.isBlank() ? null
        : reference.municipality(municipality).orElseThrow(() -> new InvalidParameterException("municipality",
            "'" + municipality + "' is not a municipality of Oost-Nederland")).code();
    return statistics.find(blankToNull(category), blankToNull(period), code, policy);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
