package nl.veiligheidskaart.service.hotspots;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.veiligheidskaart.service.analysis.KnoxTest;
import nl.veiligheidskaart.service.api.AnalysisReport.ChosenParameter;
import nl.veiligheidskaart.service.api.NearRepeatTable;
import nl.veiligheidskaart.service.config.Zones;
import nl.veiligheidskaart.service.incidents.IncidentLocations;
import nl.veiligheidskaart.service.incidents.IncidentQuery;
import nl.veiligheidskaart.service.incidents.IncidentReadModel;
import nl.veiligheidskaart.service.limits.RequestDeadline;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Near repeats: the Knox test of the selected incidents ({@link KnoxTest}), on their RD New
 * locations and their calendar days in Dutch time, with the cost checked before the pairs are kept.
 */
@Service
@Transactional(readOnly = true)
public class NearRepeatService {

  /** How the test is run: band breaks starting at 0, as given or by default. */
  public record Options(double[] distanceBands, int[] dayBands, int permutations, long seed) {
  }

  private final AnalysisArea areas;
  private final IncidentReadModel incidents;

  NearRepeatService(AnalysisArea areas, IncidentReadModel incidents) {
    this.areas = areas;
    this.incidents = incidents;
  }

  public NearRepeatTable knox(IncidentSelection selection, Options options) {
    double[] distances = options.distanceBands();
    int[] dayBreaks = options.dayBands();
    AnalysisCost.nearRepeatBands(distances[distances.length - 1], dayBreaks[dayBreaks.length - 1]);
    AnalysisArea.Area area = HotspotService.resolve(areas, selection);
    IncidentLocations located = incidents.locations(new IncidentQuery(selection.categories(), selection.from(),
        selection.to(), Set.copyOf(area.codes())));
    int n = located.size();
    double farthest = distances[distances.length - 1];
    long close = KnoxTest.countClosePairs(located.xs(), located.ys(), distances, AnalysisCost.MAX_CLOSE_PAIRS);
    AnalysisCost.closePairs(close, farthest);
    AnalysisCost.knoxPermutations(options.permutations(), close, n);
    RequestDeadline.check();
    int[] days = new int[n];
    for (int i = 0; i < n; i++) {
      days[i] = (int) Instant.ofEpochMilli(located.occurredAtMillis()[i]).atZone(Zones.NETHERLANDS).toLocalDate()
          .toEpochDay();
    }
    KnoxTest.ClosePairs pairs = KnoxTest.closePairs(located.xs(), located.ys(), distances);
    RequestDeadline.check();
    KnoxTest.Table table = KnoxTest.test(pairs, days, dayBreaks, options.permutations(), options.seed(),
        HotspotService.threads());

    List<NearRepeatTable.Band> rows = new ArrayList<>();
    rows.add(new NearRepeatTable.Band("same location", 0, 0.0));
    for (int r = 1; r < distances.length; r++) {
      rows.add(band(distances[r - 1], distances[r], "m"));
    }
    rows.add(band(farthest, null, "m"));
    List<NearRepeatTable.Band> columns = new ArrayList<>();
    for (int c = 1; c < dayBreaks.length; c++) {
      columns.add(band(dayBreaks[c - 1], (double) dayBreaks[c], "days"));
    }
    columns.add(band(dayBreaks[dayBreaks.length - 1], null, "days"));
    List<NearRepeatTable.Cell> cells = new ArrayList<>();
    List<Double> ratios = new ArrayList<>();
    for (int r = 0; r < table.rows(); r++) {
      for (int c = 0; c < table.columns(); c++) {
        double ratio = table.knoxRatio()[r][c];
        cells.add(new NearRepeatTable.Cell(r, c, table.observed()[r][c], table.expected()[r][c],
            Double.isNaN(ratio) ? null : ratio, table.p()[r][c]));
        if (!Double.isNaN(ratio)) {
          ratios.add(ratio);
        }
      }
    }
    Map<String, ChosenParameter> parameters = HotspotService.selectionParameters(selection, area);
    parameters.put("distanceBands", new ChosenParameter(distances, "breaks in metres; the first band is "
        + "the same location (0 m), then [a, b)"));
    parameters.put("dayBands", new ChosenParameter(dayBreaks, "breaks in whole days apart (Dutch calendar "
        + "dates), bands [a, b)"));
    parameters.put("permutations", new ChosenParameter(options.permutations(), "permutations of the dates"));
    parameters.put("seed", new ChosenParameter(options.seed(), "of the permutations"));
    parameters.put("incidents", new ChosenParameter(n, "selected"));
    List<String> warnings = new ArrayList<>();
    if (n < 2) {
      warnings.add("Fewer than two incidents: there are no pairs to count.");
    }
    return new NearRepeatTable(rows, columns, cells, n, (long) n * (n - 1) / 2, options.permutations(),
        HotspotService.report(ratios.stream().mapToDouble(Double::doubleValue).toArray(), parameters, warnings));
  }

  private static NearRepeatTable.Band band(double from, Double to, String unit) {
    String label = to == null ? String.format(Locale.ROOT, "%s %s or more", number(from), unit)
        : String.format(Locale.ROOT, "%s to under %s %s", number(from), number(to), unit);
    return new NearRepeatTable.Band(label, from, to);
  }

  private static String number(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
