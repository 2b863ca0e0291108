package nl.veiligheidskaart.service.hotspots;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import nl.veiligheidskaart.service.analysis.AoristicProfile;
import nl.veiligheidskaart.service.api.AnalysisReport;
import nl.veiligheidskaart.service.api.AnalysisReport.ChosenParameter;
import nl.veiligheidskaart.service.api.TimeProfile;
import nl.veiligheidskaart.service.config.Zones;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.service.incidents.IncidentQuery;
import nl.veiligheidskaart.service.incidents.IncidentReadModel;
import nl.veiligheidskaart.service.incidents.IncidentTimeWindows;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The time profile of incidents: aoristic weights per weekday × hour ({@link AoristicProfile}) in
 * Dutch time, as the reader's disclosure policy lets them be shown.
 */
@Service
@Transactional(readOnly = true)
public class TimeProfileService {

  private final AnalysisArea areas;
  private final IncidentReadModel incidents;

  TimeProfileService(AnalysisArea areas, IncidentReadModel incidents) {
    this.areas = areas;
    this.incidents = incidents;
  }

  /**
   * @throws org.springframework.security.access.AccessDeniedException when the area reaches beyond
   *     the municipalities the reader sees
   */
  public TimeProfile profile(IncidentSelection selection, DisclosurePolicy policy) {
    AnalysisArea.Area area = HotspotService.resolve(areas, selection);
    area.codes().forEach(policy::requireMunicipality);
    IncidentTimeWindows windows = incidents.timeWindows(new IncidentQuery(selection.categories(), selection.from(),
        selection.to(), Set.copyOf(area.codes())));
    double[][] weights = AoristicProfile.weekdayHour(windows.startMillis(), windows.endMillis(), Zones.NETHERLANDS);
    long spread = IntStream.range(0, windows.size())
        .filter(i -> windows.endMillis()[i] != windows.startMillis()[i]).count();

    List<List<Double>> shownWeights = new ArrayList<>();
    double[] hourTotals = new double[AoristicProfile.HOURS];
    List<Double> weekdayTotals = new ArrayList<>();
    for (double[] day : weights) {
      List<Double> row = new ArrayList<>();
      double dayTotal = 0;
      for (int h = 0; h < AoristicProfile.HOURS; h++) {
        row.add(shown(day[h], policy));
        hourTotals[h] += day[h];
        dayTotal += day[h];
      }
      shownWeights.add(row);
      weekdayTotals.add(shown(dayTotal, policy));
    }
    List<Double> shownHourTotals = new ArrayList<>();
    double total = 0;
    for (double hourTotal : hourTotals) {
      shownHourTotals.add(shown(hourTotal, policy));
      total += hourTotal;
    }
    Map<String, ChosenParameter> parameters = HotspotService.selectionParameters(selection, area);
    parameters.put("timeZone", new ChosenParameter(Zones.NETHERLANDS_ID, "the safety network's clock"));
    parameters.put("method", new ChosenParameter("aoristic", "each incident spread evenly over the hours of its "
        + "window: a moment weighs 1 in its hour, a date the whole day, an occurred_to up to that moment"));
    Long incidentsShown = policy.shown(windows.size());
    List<String> warnings = new ArrayList<>();
    if (!policy.exact()) {
      warnings.add("Weights are rounded to multiples of " + DisclosurePolicy.ROUNDING_BASE + " and left out "
          + "below " + policy.minimumCount() + " (disclosure rule).");
    }
    return new TimeProfile(IntStream.rangeClosed(1, AoristicProfile.WEEKDAYS).boxed().toList(), shownWeights,
        weekdayTotals, shownHourTotals, shown(total, policy), incidentsShown, policy.shown(spread),
        policy.exact(), new AnalysisReport(incidentsShown == null ? 0 : incidentsShown.intValue(), 0, 0, parameters,
        warnings));
  }

  /** A weight as the reader may see it: exact for analysts, else the nearest whole count through the policy. */
  private static Double shown(double weight, DisclosurePolicy policy) {
    if (policy.exact()) {
      return weight;
    }
    Long count = policy.shown(Math.round(weight));
    return count == null ? null : count.doubleValue();
  }
}
