package nl.veiligheidskaart.service.displacement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.veiligheidskaart.geodata.reference.Municipality;
import nl.veiligheidskaart.geodata.reference.ReferenceGeography;
import nl.veiligheidskaart.service.analysis.DisplacementMeasures.Counts;
import nl.veiligheidskaart.service.analysis.DisplacementMeasures;
import nl.veiligheidskaart.service.api.DisplacementOverview;
import nl.veiligheidskaart.service.api.DisplacementResult;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.config.Zones;
import nl.veiligheidskaart.service.disclosure.DisclosedCount;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.service.geography.BoundaryIndexes;
import nl.veiligheidskaart.service.incidents.IncidentLocations;
import nl.veiligheidskaart.service.incidents.IncidentQuery;
import nl.veiligheidskaart.service.incidents.IncidentReadModel;
import nl.veiligheidskaart.service.store.AreaStatisticEntity;
import nl.veiligheidskaart.service.store.AreaStatisticRepository;
import nl.veiligheidskaart.service.store.CountSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The waterbed check: did crime pressed down in a target area pop up next door? Counts target,
 * buffer and control before and after, from municipalities (area statistics or incidents) or from
 * drawn areas (incidents in a ring around the target), and computes the displacement measures.
 */
@Service
@Transactional(readOnly = true)
public class DisplacementService {

  /** The buffer: the municipalities bordering the target, or a ring of so many metres around it. */
  public record Buffer(Double ringMetres) {

    public static final Buffer CONTIGUITY = new Buffer(null);

    boolean ring() {
      return ringMetres != null;
    }
  }

  /** The control: the rest of the target's district (default), the whole unit, or given municipalities. */
  public record Control(boolean wholeUnit, List<String> codes) {

    public static final Control DISTRICT = new Control(false, List.of());
  }

  /**
   * @param targetCodes municipalities, or empty when {@code targetArea} is given
   * @param targetArea a drawn target in RD New (e.g. a closed hemp site's street block), or null
   */
  public record Request(List<String> targetCodes, Geometry targetArea, String category, CountSource source,
      StudyPeriod before, StudyPeriod after, Buffer buffer, Control control) {
  }

  private static final GeometryFactory RD_NEW = new GeometryFactory(new PrecisionModel(), 28992);

  private final ReferenceGeography reference;
  private final BoundaryIndexes boundaries;
  private final IncidentReadModel incidents;
  private final AreaStatisticRepository statistics;

  DisplacementService(ReferenceGeography reference, BoundaryIndexes boundaries, IncidentReadModel incidents,
      AreaStatisticRepository statistics) {
    this.reference = reference;
    this.boundaries = boundaries;
    this.incidents = incidents;
    this.statistics = statistics;
  }

  /**
   * @throws org.springframework.security.access.AccessDeniedException when a target, a given control
   *     or a drawn area lies outside the reader's municipalities
   */
  public DisplacementResult analyse(Request request, DisclosurePolicy policy) {
    int vintage = boundaries.newestVintage().orElseThrow(() -> new InvalidParameterException("target",
        "no municipal boundaries are loaded; the waterbed check needs them"));
    List<String> targets = request.targetCodes().stream().map(this::code).distinct().sorted().toList();
    targets.forEach(policy::requireMunicipality);
    request.control().codes().stream().map(code -> code(code, "control")).forEach(policy::requireMunicipality);
    if (request.targetArea() != null) {
      policy.requireDrawnArea("target", request.targetArea().getArea(), boundaries.covered(request.targetArea(), vintage));
    }
    request = new Request(request.targetCodes(), request.targetArea(), request.category(), request.source(),
        released(request.before(), "before", policy), released(request.after(), "after", policy), request.buffer(),
        request.control());
    boolean drawn = request.targetArea() != null || request.buffer().ring();
    if (request.source() == CountSource.STATISTICS && drawn) {
      throw new InvalidParameterException(request.targetArea() != null ? "target" : "buffer",
          "area statistics are counted per municipality: drawn targets and ring buffers need source=incidents");
    }
    if (request.targetArea() != null && !request.buffer().ring()) {
      throw new InvalidParameterException("buffer", "a drawn target has no neighbouring municipalities: give a ring "
          + "buffer, e.g. buffer=ring:500");
    }
    Set<String> controlDistricts = controlDistricts(request, targets);
    return drawn ? drawnAreas(request, targets, controlDistricts, vintage, policy)
        : municipalities(request, targets, controlDistricts, vintage, policy);
  }

  /**
   * A period as the reader may have it: whole calendar months for every role but ANALYST, and an
   * after period cut at the end of the released figures (the last completed month).
   */
  private static StudyPeriod released(StudyPeriod period, String parameter, DisclosurePolicy policy) {
    policy.requirePeriodBoundary(parameter, period.from());
    policy.requirePeriodBoundary(parameter, period.to());
    Instant end = policy.periodEnd(period.to());
    if (!end.isBefore(period.to())) {
      return period;
    }
    if (!period.from().isBefore(end)) {
      throw new InvalidParameterException(parameter, "the " + parameter + " period starts "
          + period.first() + ", after the last completed month: your account gets figures up to "
          + end.atZone(Zones.NETHERLANDS).toLocalDate().minusDays(1));
    }
    LocalDate last = end.atZone(Zones.NETHERLANDS).toLocalDate();
    return new StudyPeriod(period.first() + ".." + last.minusDays(1), period.first(), last);
  }

  /** Every municipality as the target, its neighbours as buffer, the rest of its district as control. */
  public DisplacementOverview overview(String category, CountSource source, StudyPeriod before, StudyPeriod after,
      DisclosurePolicy policy) {
    before = released(before, "before", policy);
    after = released(after, "after", policy);
    int vintage = boundaries.newestVintage().orElseThrow(() -> new InvalidParameterException("area",
        "no municipal boundaries are loaded; the waterbed check needs them"));
    Map<String, Long> countsBefore = perMunicipality(source, category, before, "before");
    Map<String, Long> countsAfter = perMunicipality(source, category, after, "after");
    List<DisplacementOverview.Row> rows = new ArrayList<>();
    for (Municipality municipality : reference.municipalities()) {
      if (!policy.maySee(municipality.code())) {
        continue;
      }
      List<String> target = List.of(municipality.code());
      Set<String> buffer = contiguousBuffer(target, vintage);
      Set<String> control = controlCodes(Control.DISTRICT, Set.of(municipality.districtCode()), target, buffer);
      ShownCounts r = ShownCounts.of(sum(target, countsBefore, countsAfter), policy);
      ShownCounts d = ShownCounts.of(sum(buffer, countsBefore, countsAfter), policy);
      ShownCounts c = ShownCounts.of(sum(control, countsBefore, countsAfter), policy);
      rows.add(overviewRow(municipality, r, d, c));
    }
    return new DisplacementOverview(new DisplacementResult.Periods(before.label(), after.label(), category,
        source.name().toLowerCase(Locale.ROOT)), rows);
  }

  /** One municipality of the overview; its measures withheld when a count behind them is suppressed. */
  private static DisplacementOverview.Row overviewRow(Municipality municipality, ShownCounts r, ShownCounts d,
      ShownCounts c) {
    if (r.suppressed() || d.suppressed() || c.suppressed()) {
      return new DisplacementOverview.Row(municipality.code(), municipality.name(), r.before(), r.after(), r.change(),
          d.before(), d.after(), d.change(), null, null, null, null, null, true);
    }
    DisplacementMeasures.Result result = DisplacementMeasures.compute(r.counts(), d.counts(), c.counts());
    return new DisplacementOverview.Row(municipality.code(), municipality.name(), r.before(), r.after(), r.change(),
        d.before(), d.after(), d.change(), result.wdd().estimate(), result.wdd().z(), result.wdq().value(),
        result.bufferWdd().z(), DisplacementInterpretation.flag(result), false);
  }

  private DisplacementResult municipalities(Request request, List<String> targets, Set<String> controlDistricts,
      int vintage, DisclosurePolicy policy) {
    if (targets.isEmpty()) {
      throw new InvalidParameterException("target", "give one or more municipality codes as target");
    }
    Set<String> buffer = contiguousBuffer(targets, vintage);
    Set<String> control = controlCodes(request.control(), controlDistricts, targets, buffer);
    Map<String, Long> before = perMunicipality(request.source(), request.category(), request.before(), "before");
    Map<String, Long> after = perMunicipality(request.source(), request.category(), request.after(), "after");
    ShownCounts r = ShownCounts.of(sum(targets, before, after), policy);
    ShownCounts d = ShownCounts.of(sum(buffer, before, after), policy);
    ShownCounts c = ShownCounts.of(sum(control, before, after), policy);
    return result(request, r.area(targets, names(targets)),
        d.area(List.copyOf(buffer), "the municipalities bordering the target: " + names(buffer)),
        c.area(List.copyOf(control), controlDescription(request.control())), policy);
  }

  private DisplacementResult drawnAreas(Request request, List<String> targets, Set<String> controlDistricts,
      int vintage, DisclosurePolicy policy) {
    Map<String, Geometry> all = boundaries.boundaries(vintage);
    Geometry target = request.targetArea() != null ? request.targetArea()
        : UnaryUnionOp.union(targets.stream().map(all::get).toList());
    if (targets.isEmpty() && request.targetArea() == null) {
      throw new InvalidParameterException("target", "give one or more municipality codes as target");
    }
    double metres = request.buffer().ringMetres();
    if (!(metres > 0) || metres > 50_000) {
      throw new InvalidParameterException("buffer", "a ring buffer is between 1 and 50 000 metres wide");
    }
    Geometry ring = target.buffer(metres).difference(target);
    Set<String> controlCodes = controlCodes(request.control(), controlDistricts, targets, Set.of());
    Geometry control = UnaryUnionOp.union(controlCodes.stream().map(all::get).toList())
        .difference(target.union(ring));
    Counts[] counts = countInside(request, List.of(target, ring, control));
    String targetDescription = request.targetArea() != null
        ? String.format(Locale.ROOT, "the drawn area (%.2f km²)", target.getArea() / 1e6) : names(targets);
    return result(request, ShownCounts.of(counts[0], policy).area(targets, targetDescription),
        ShownCounts.of(counts[1], policy).area(List.of(), "a ring of " + Math.round(metres) + " m around the target"),
        ShownCounts.of(counts[2], policy).area(List.copyOf(controlCodes), controlDescription(request.control())
            + ", without the target and the ring"), policy);
  }

  /** Incidents of the category before and after inside each area. */
  private Counts[] countInside(Request request, List<Geometry> areas) {
    List<PreparedGeometry> prepared = areas.stream().map(PreparedGeometryFactory::prepare).toList();
    long[][] counts = new long[areas.size()][2];
    StudyPeriod[] periods = {request.before(), request.after()};
    for (int p = 0; p < 2; p++) {
      IncidentLocations points = incidents.locations(IncidentQuery.of(List.of(request.category()), periods[p].from(),
          periods[p].to()));
      for (int i = 0; i < points.size(); i++) {
        Point point = RD_NEW.createPoint(new Coordinate(points.xs()[i], points.ys()[i]));
        for (int a = 0; a < areas.size(); a++) {
          if (prepared.get(a).covers(point)) {
            counts[a][p]++;
            break;
          }
        }
      }
    }
    Counts[] result = new Counts[areas.size()];
    for (int a = 0; a < areas.size(); a++) {
      result[a] = new Counts(counts[a][0], counts[a][1]);
    }
    return result;
  }

  /**
   * The answer, with the measures computed from the counts as shown; withheld, with the reason,
   * when a count behind them is suppressed for the reader.
   */
  private DisplacementResult result(Request request, DisplacementResult.Area target, DisplacementResult.Area buffer,
      DisplacementResult.Area control, DisclosurePolicy policy) {
    DisplacementResult.Periods periods = new DisplacementResult.Periods(request.before().label(),
        request.after().label(), request.category(), request.source().name().toLowerCase(Locale.ROOT));
    if (target.suppressed() || buffer.suppressed() || control.suppressed()) {
      String reason = "withheld: a count behind the measures lies below " + policy.minimumCount()
          + ", the smallest number shown to your account";
      Map<String, String> withheld = new LinkedHashMap<>();
      for (String measure : List.of("successMeasure", "bufferDisplacementMeasure", "wdq", "totalNetEffect", "wdd")) {
        withheld.put(measure, reason);
      }
      return new DisplacementResult(target, buffer, control, periods, null, null, null, null, null, null, null,
          withheld, DisplacementInterpretation.withheld(policy.minimumCount()));
    }
    DisplacementMeasures.Result measures = DisplacementMeasures.compute(counts(target), counts(buffer),
        counts(control));
    Map<String, String> notDefined = new LinkedHashMap<>();
    note(notDefined, "successMeasure", measures.successMeasure());
    note(notDefined, "bufferDisplacementMeasure", measures.bufferDisplacementMeasure());
    note(notDefined, "wdq", measures.wdq());
    note(notDefined, "totalNetEffect", measures.totalNetEffect());
    if (measures.wdd().notDefinedBecause() != null) {
      notDefined.put("wdd", measures.wdd().notDefinedBecause());
    }
    return new DisplacementResult(target, buffer, control, periods, measures.successMeasure().value(),
        measures.bufferDisplacementMeasure().value(), measures.wdq().value(),
        measures.totalNetEffect().value(), wdd(measures.wdd()), wdd(measures.localWdd()), wdd(measures.bufferWdd()),
        notDefined, DisplacementInterpretation.of(measures, target.description()));
  }

  private static Counts counts(DisplacementResult.Area area) {
    return new Counts(area.before(), area.after());
  }

  /** Before and after counts as the reader may see them. */
  private record ShownCounts(DisclosedCount shownBefore, DisclosedCount shownAfter) {

    static ShownCounts of(Counts counts, DisclosurePolicy policy) {
      return new ShownCounts(policy.count(counts.before()), policy.count(counts.after()));
    }

    boolean suppressed() {
      return shownBefore.suppressed() || shownAfter.suppressed();
    }

    Long before() {
      return shownBefore.value();
    }

    Long after() {
      return shownAfter.value();
    }

    Long change() {
      return suppressed() ? null : shownAfter.value() - shownBefore.value();
    }

    Counts counts() {
      return new Counts(shownBefore.value(), shownAfter.value());
    }

    DisplacementResult.Area area(List<String> codes, String description) {
      return new DisplacementResult.Area(codes, description, before(), after(), suppressed());
    }
  }

  private static void note(Map<String, String> notDefined, String name, DisplacementMeasures.Value value) {
    if (!value.defined()) {
      notDefined.put(name, value.notDefinedBecause());
    }
  }

  private static DisplacementResult.Wdd wdd(DisplacementMeasures.Wdd wdd) {
    return new DisplacementResult.Wdd(wdd.estimate(), wdd.variance(), wdd.z(), wdd.p(), wdd.ci90());
  }

  /** Counts per municipality in a period: incidents, or the area statistics whose periods lie within it. */
  private Map<String, Long> perMunicipality(CountSource source, String category, StudyPeriod period,
      String parameter) {
    if (source == CountSource.INCIDENTS) {
      return incidents.countsByMunicipality(IncidentQuery.of(List.of(category), period.from(), period.to()));
    }
    Map<String, Long> counts = new HashMap<>();
    boolean any = false;
    for (AreaStatisticEntity cell : statistics.find(category, null, null)) {
      if (period.covers(cell.getPeriodStart(), cell.getPeriodEnd())) {
        counts.merge(cell.getMunicipalityCode(), cell.getCount(), Long::sum);
        any = true;
      }
    }
    if (!any) {
      throw new InvalidParameterException(parameter, "no area statistics of '" + category + "' fall within "
          + period.label());
    }
    return counts;
  }

  private Set<String> contiguousBuffer(Collection<String> targets, int vintage) {
    Set<String> buffer = new TreeSet<>();
    targets.forEach(code -> buffer.addAll(boundaries.contiguity(vintage).neighbours(code)));
    buffer.removeAll(targets);
    return buffer;
  }

  /** The districts whose rest is the default control: those of the target municipalities or of the drawn area. */
  private Set<String> controlDistricts(Request request, List<String> targets) {
    Set<String> districts = new TreeSet<>();
    targets.forEach(code -> districts.add(reference.municipality(code).orElseThrow().districtCode()));
    if (request.targetArea() != null) {
      boundaries.newestLocator()
          .flatMap(locator -> locator.municipalityAt(request.targetArea().getInteriorPoint().getCoordinate(), 0))
          .ifPresentOrElse(code -> districts.add(reference.municipality(code).orElseThrow().districtCode()), () -> {
            throw new InvalidParameterException("target", "the drawn target does not lie in Oost-Nederland");
          });
    }
    return districts;
  }

  private Set<String> controlCodes(Control control, Set<String> districts, Collection<String> targets,
      Set<String> buffer) {
    Set<String> codes = new TreeSet<>();
    if (!control.codes().isEmpty()) {
      control.codes().forEach(code -> codes.add(code(code, "control")));
      codes.stream().filter(code -> targets.contains(code) || buffer.contains(code)).findFirst().ifPresent(code -> {
        throw new InvalidParameterException("control", code + " is part of the target or the buffer, so it cannot "
            + "also be the control");
      });
      return codes;
    }
    reference.municipalities().stream()
        .filter(m -> control.wholeUnit() || districts.contains(m.districtCode()))
        .forEach(m -> codes.add(m.code()));
    codes.removeAll(targets);
    codes.removeAll(buffer);
    if (codes.isEmpty()) {
      throw new InvalidParameterException("control", "nothing is left for the control: give control=unit or codes");
    }
    return codes;
  }

  private String controlDescription(Control control) {
    return !control.codes().isEmpty() ? "the given municipalities"
        : control.wholeUnit() ? "the rest of Oost-Nederland" : "the rest of the target's district";
  }

  private static Counts sum(Collection<String> codes, Map<String, Long> before, Map<String, Long> after) {
    long b = 0;
    long a = 0;
    for (String code : codes) {
      b += before.getOrDefault(code, 0L);
      a += after.getOrDefault(code, 0L);
    }
    return new Counts(b, a);
  }

  private String code(String value) {
    return code(value, "target");
  }

  private String code(String value, String parameter) {
    return reference.municipality(value.strip()).map(Municipality::code).orElseThrow(() ->
        new InvalidParameterException(parameter, "'" + value + "' is not a municipality of Oost-Nederland"));
  }

  private String names(Collection<String> codes) {
    return String.join(", ", codes.stream().map(code -> reference.municipality(code).orElseThrow().name()).toList());
  }
}
