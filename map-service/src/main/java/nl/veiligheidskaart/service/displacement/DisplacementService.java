package nl.veiligheidskaart.service.displacement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import nl.veiligheidskaart.geodata.reference.Municipality;
import nl.veiligheidskaart.geodata.reference.ReferenceGeography;
import nl.veiligheidskaart.service.analysis.DisplacementMeasures;
import nl.veiligheidskaart.service.analysis.DisplacementMeasures.Counts;
import nl.veiligheidskaart.service.api.DisplacementOverview;
import nl.veiligheidskaart.service.api.DisplacementResult;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.geography.BoundaryIndexes;
import nl.veiligheidskaart.service.store.AreaStatisticEntity;
import nl.veiligheidskaart.service.store.AreaStatisticRepository;
import nl.veiligheidskaart.service.store.IncidentFilter;
import nl.veiligheidskaart.service.store.IncidentQueries;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
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

  /** Where the counts come from. */
  public enum Source {
    INCIDENTS, STATISTICS
  }

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
  public record Request(List<String> targetCodes, Geometry targetArea, String category, Source source,
      StudyPeriod before, StudyPeriod after, Buffer buffer, Control control) {
  }

  private final ReferenceGeography reference;
  private final BoundaryIndexes boundaries;
  private final IncidentQueries incidents;
  private final AreaStatisticRepository statistics;

  DisplacementService(ReferenceGeography reference, BoundaryIndexes boundaries, IncidentQueries incidents,
      AreaStatisticRepository statistics) {
    this.reference = reference;
    this.boundaries = boundaries;
    this.incidents = incidents;
    this.statistics = statistics;
  }

  public DisplacementResult analyse(Request request) {
    int vintage = boundaries.newestVintage().orElseThrow(() -> new InvalidParameterException("target",
        "no municipal boundaries are loaded; the waterbed check needs them"));
    List<String> targets = request.targetCodes().stream().map(this::code).distinct().sorted().toList();
    boolean drawn = request.targetArea() != null || request.buffer().ring();
    if (request.source() == Source.STATISTICS && drawn) {
      throw new InvalidParameterException(request.targetArea() != null ? "target" : "buffer",
          "area statistics are counted per municipality: drawn targets and ring buffers need source=incidents");
    }
    if (request.targetArea() != null && !request.buffer().ring()) {
      throw new InvalidParameterException("buffer", "a drawn target has no neighbouring municipalities: give a ring "
          + "buffer, e.g. buffer=ring:500");
    }
    Set<String> controlDistricts = controlDistricts(request, targets);
    return drawn ? drawnAreas(request, targets, controlDistricts, vintage)
        : municipalities(request, targets, controlDistricts, vintage);
  }

  /** Every municipality as the target, its neighbours as buffer, the rest of its district as control. */
  public DisplacementOverview overview(String category, Source source, StudyPeriod before, StudyPeriod after,
      Optional<Set<String>> visible) {
    int vintage = boundaries.newestVintage().orElseThrow(() -> new InvalidParameterException("area",
        "no municipal boundaries are loaded; the waterbed check needs them"));
    Map<String, Long> countsBefore = perMunicipality(source, category, before, "before");
    Map<String, Long> countsAfter = perMunicipality(source, category, after, "after");
    List<DisplacementOverview.Row> rows = new ArrayList<>();
    for (Municipality municipality : reference.municipalities()) {
      if (visible.isPresent() && !visible.get().contains(municipality.code())) {
        continue;
      }
      List<String> target = List.of(municipality.code());
      Set<String> buffer = contiguousBuffer(target, vintage);
      Set<String> control = controlCodes(Control.DISTRICT, Set.of(municipality.districtCode()), target, buffer);
      Counts r = sum(target, countsBefore, countsAfter);
      Counts d = sum(buffer, countsBefore, countsAfter);
      DisplacementMeasures.Result result = DisplacementMeasures.compute(r, d, sum(control, countsBefore, countsAfter));
      rows.add(new DisplacementOverview.Row(municipality.code(), municipality.name(), r.before(), r.after(),
          r.after() - r.before(), d.before(), d.after(), d.after() - d.before(), result.wdd().estimate(),
          result.wdd().z(), result.wdq().value(), result.bufferWdd().z(), DisplacementInterpretation.flag(result)));
    }
    return new DisplacementOverview(new DisplacementResult.Periods(before.label(), after.label(), category,
        source.name().toLowerCase(Locale.ROOT)), rows);
  }

  private DisplacementResult municipalities(Request request, List<String> targets, Set<String> controlDistricts,
      int vintage) {
    if (targets.isEmpty()) {
      throw new InvalidParameterException("target", "give one or more municipality codes as target");
    }
    Set<String> buffer = contiguousBuffer(targets, vintage);
    Set<String> control = controlCodes(request.control(), controlDistricts, targets, buffer);
    Map<String, Long> before = perMunicipality(request.source(), request.category(), request.before(), "before");
    Map<String, Long> after = perMunicipality(request.source(), request.category(), request.after(), "after");
    Counts r = sum(targets, before, after);
    Counts d = sum(buffer, before, after);
    Counts c = sum(control, before, after);
    return result(request, new DisplacementResult.Area(targets, names(targets), r.before(), r.after()),
        new DisplacementResult.Area(List.copyOf(buffer), "the municipalities bordering the target: " + names(buffer),
            d.before(), d.after()),
        new DisplacementResult.Area(List.copyOf(control), controlDescription(request.control()), c.before(),
            c.after()),
        DisplacementMeasures.compute(r, d, c));
  }

  private DisplacementResult drawnAreas(Request request, List<String> targets, Set<String> controlDistricts,
      int vintage) {
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
    return result(request, new DisplacementResult.Area(targets, targetDescription, counts[0].before(),
            counts[0].after()),
        new DisplacementResult.Area(List.of(), "a ring of " + Math.round(metres) + " m around the target",
            counts[1].before(), counts[1].after()),
        new DisplacementResult.Area(List.copyOf(controlCodes), controlDescription(request.control())
            + ", without the target and the ring", counts[2].before(), counts[2].after()),
        DisplacementMeasures.compute(counts[0], counts[1], counts[2]));
  }

  /** Incidents of the category before and after inside each area. */
  private Counts[] countInside(Request request, List<Geometry> areas) {
    List<PreparedGeometry> prepared = areas.stream().map(PreparedGeometryFactory::prepare).toList();
    long[][] counts = new long[areas.size()][2];
    StudyPeriod[] periods = {request.before(), request.after()};
    for (int p = 0; p < 2; p++) {
      List<Point> points = incidents.points(new IncidentFilter(List.of(request.category()), periods[p].from(),
          periods[p].to(), List.of()));
      for (Point point : points) {
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

  private DisplacementResult result(Request request, DisplacementResult.Area target, DisplacementResult.Area buffer,
      DisplacementResult.Area control, DisplacementMeasures.Result measures) {
    Map<String, String> notDefined = new LinkedHashMap<>();
    note(notDefined, "successMeasure", measures.successMeasure());
    note(notDefined, "bufferDisplacementMeasure", measures.bufferDisplacementMeasure());
    note(notDefined, "wdq", measures.wdq());
    note(notDefined, "totalNetEffect", measures.totalNetEffect());
    if (measures.wdd().notDefinedBecause() != null) {
      notDefined.put("wdd", measures.wdd().notDefinedBecause());
    }
    return new DisplacementResult(target, buffer, control,
        new DisplacementResult.Periods(request.before().label(), request.after().label(), request.category(),
            request.source().name().toLowerCase(Locale.ROOT)),
        measures.successMeasure().value(), measures.bufferDisplacementMeasure().value(), measures.wdq().value(),
        measures.totalNetEffect().value(), wdd(measures.wdd()), wdd(measures.localWdd()), wdd(measures.bufferWdd()),
        notDefined, DisplacementInterpretation.of(measures, target.description()));
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
  private Map<String, Long> perMunicipality(Source source, String category, StudyPeriod period, String parameter) {
    if (source == Source.INCIDENTS) {
      return incidents.countsByMunicipality(new IncidentFilter(List.of(category), period.from(), period.to(),
          List.of()));
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
