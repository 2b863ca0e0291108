package nl.veiligheidskaart.service.demo;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import nl.veiligheidskaart.geodata.contiguity.MunicipalityContiguity;
import nl.veiligheidskaart.geodata.reference.Municipality;
import nl.veiligheidskaart.geodata.reference.ReferenceGeography;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * Synthetic, seeded demonstration data for Oost-Nederland, written as import files in the formats
 * of {@code docs/import-formats.md}: incidents, hemp sites and OMG clubhouses as CSV, holiday parks
 * as GeoJSON in RD New. Every row carries {@code demo=true}. See {@code docs/demo-data.md} for the
 * model and the planted signals.
 *
 * <p>Incidents cluster in towns (Gaussian around each municipality's interior point, wider and
 * heavier for the big cities) over a rural background, follow weekly and seasonal rhythms per
 * category, and hold two planted signals, {@link #HOTSPOT} and {@link #DISPLACEMENT}, that the
 * analyses must find. Every location lies inside a municipality and more than
 * {@link #BORDER_MARGIN_METRES} from its border.
 *
 * <p>Deterministic: the same boundaries, seed, end date and count give byte-identical files,
 * whatever the order the files are written in. Immutable: the write methods may run concurrently,
 * each on its own writer.
 */
public final class DemoDataGenerator {

  /** The seed of the demo data the service loads. */
  public static final long DEFAULT_SEED = 2019L;

  /** About as many incidents as the themes of a real two-year period would bring. */
  public static final int DEFAULT_INCIDENT_COUNT = 60_000;

  /** The data covers this long before the end date. */
  public static final Period PERIOD = Period.ofYears(2);

  /** Nearest any generated location comes to a municipal border. */
  public static final double BORDER_MARGIN_METRES = 300;

  public static final int HEMP_SITE_COUNT = 40;
  public static final int HOLIDAY_PARK_COUNT = 25;
  public static final int OMG_CLUBHOUSE_COUNT = 12;

  /** A burglary hotspot in east Deventer, spread over the whole period. */
  public static final PlantedHotspot HOTSPOT =
      new PlantedHotspot("GM0150", "woninginbraak", 211_500, 474_500, 250, 0.005);

  /**
   * An anti-burglary intervention in Hengelo one year before the end date that pushes 40 % of its
   * burglaries over the border into the neighbouring municipalities. Hengelo's 1.1 % of all
   * incidents is about twice the burglary of a town its size: the reason for the intervention.
   */
  public static final PlantedDisplacement DISPLACEMENT =
      new PlantedDisplacement("GM0164", "woninginbraak", Period.ofYears(1), 0.011, 0.40, 5_000);

  /**
   * Hemp nuisance reports (stench, stolen electricity, growing waste) gather around dismantled hemp
   * sites: a fifth of them lie near one, the risk factor a risk terrain model must find.
   */
  public static final PlantedRiskRelation RISK_RELATION = new PlantedRiskRelation("hennep", "hemp-sites", 0.2, 300);

  /**
   * A burglar's spree in one neighbourhood of Nijmegen, four months before the end date: each
   * burglary a few days after the one before and within a few hundred metres of it, the pattern a
   * near-repeat analysis (Knox test) finds. On top of the other incidents, from a stream of its own.
   */
  public static final PlantedNearRepeat NEAR_REPEAT =
      new PlantedNearRepeat("GM0268", "woninginbraak", 187_500, 427_000, 150, 24, 120, 3);

  /**
   * Weights of the big cities, about their inhabitants in thousands (CBS, 2019); every other
   * municipality weighs {@link DemoArea#TYPICAL_WEIGHT}. Looked up only, never iterated.
   */
  private static final Map<String, Integer> CITY_WEIGHTS = Map.of(
      "GM0268", 177, // Nijmegen
      "GM0200", 162, // Apeldoorn
      "GM0202", 159, // Arnhem
      "GM0153", 159, // Enschede
      "GM0193", 127, // Zwolle
      "GM0228", 115, // Ede
      "GM0150", 100, // Deventer
      "GM0164", 81, // Hengelo
      "GM0141", 73, // Almelo
      "GM0222", 58); // Doetinchem

  /** How exactly the source located an incident. */
  private static final WeightedChoice<Precision> PRECISIONS = WeightedChoice.of(List.of(
      new Precision("exact", 0.06), new Precision("address", 0.70), new Precision("street", 0.14),
      new Precision("postcode", 0.06), new Precision("neighbourhood", 0.04)), Precision::share);

  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");

  /**
   * A planted hotspot: incidents of {@code category} drawn from a circular Gaussian around
   * ({@code x}, {@code y}) in RD New, with dates following the category's rhythm.
   *
   * @param shareOfIncidents fraction of all incidents that are hotspot incidents
   */
  public record PlantedHotspot(String municipalityCode, String category, double x, double y,
      double sigmaMetres, double shareOfIncidents) {

    /** The number of hotspot incidents among {@code incidentCount}. */
    public int incidentCount(int incidentCount) {
      return (int) Math.round(incidentCount * shareOfIncidents);
    }
  }

  /**
   * A planted risk relation: of the incidents of {@code category}, the fraction {@code share} lie
   * at a Gaussian distance of {@code sigmaMetres} from a random location of the layer {@code layer}
   * (in its municipality) instead of where they would have been; their number and dates stay.
   */
  public record PlantedRiskRelation(String category, String layer, double share, double sigmaMetres) {
  }

  /**
   * A planted displacement (waterbed effect). All incidents of {@code category} in the target
   * municipality are a planted series of {@link #incidentCount} incidents, split over the time
   * before and after the intervention date in proportion to their days. Of those after it, the
   * fraction {@code reduction} (rounded) lies not in the target but in its queen-contiguous
   * neighbours, at points drawn from a Gaussian of {@code spreadSigmaMetres} around the target's
   * town centre: the target drops by exactly that fraction, the neighbours rise by as many.
   *
   * @param beforePeriodEnd the intervention is this long before the end of the period
   * @param shareOfIncidents fraction of all incidents that are the planted series
   */
  public record PlantedDisplacement(String municipalityCode, String category, Period beforePeriodEnd,
      double shareOfIncidents, double reduction, double spreadSigmaMetres) {

    /** The first day of the intervention for a period ending (exclusive) on {@code periodEnd}. */
    public LocalDate interventionDate(LocalDate periodEnd) {
      return periodEnd.minus(beforePeriodEnd);
    }

    /** The number of incidents of the series among {@code incidentCount}. */
    public int incidentCount(int incidentCount) {
      return (int) Math.round(incidentCount * shareOfIncidents);
    }
  }

  /**
   * A planted near-repeat chain: {@code count} incidents of {@code category}, the first
   * {@code startDaysBeforeEnd} days before the end of the period and each next one 1 to
   * {@code maxDaysApart} days after the one before, at points drawn from a circular Gaussian of
   * {@code sigmaMetres} around ({@code x}, {@code y}) in RD New. Each is found some hours after it
   * happened (an {@code occurred_to}), as burglaries are.
   */
  public record PlantedNearRepeat(String municipalityCode, String category, double x, double y, double sigmaMetres,
      int count, int startDaysBeforeEnd, int maxDaysApart) {
  }

  private final long incidentSeed;
  private final long nearRepeatSeed;
  private final long windowSeed;
  private final int incidentCount;
  private final LocalDate periodStart;
  private final LocalDate periodEnd;
  private final int periodDays;
  private final List<DemoArea> areas;
  private final DemoArea hotspotArea;
  private final DemoArea displacementArea;
  private final DemoArea nearRepeatArea;
  private final List<DemoArea> displacementNeighbours;
  private final DemoRiskLocations riskLocations;

  /**
   * @param boundaries municipal boundaries in RD New by code; one for every municipality of
   *     {@code reference} (others are ignored)
   * @param reference the municipalities to make data for
   * @param periodEnd first day after the period, e.g. today; the period is the {@link #PERIOD}
   *     before it
   * @param incidentCount number of incidents, planted ones included
   * @throws IllegalArgumentException if a boundary is missing, a municipality is too narrow for the
   *     border margin, the planted signals' municipalities are not in {@code reference} or the
   *     hotspot centre is not well inside its municipality, or the count is negative
   */
  public DemoDataGenerator(Map<String, Geometry> boundaries, ReferenceGeography reference, long seed,
      LocalDate periodEnd, int incidentCount) {
    Objects.requireNonNull(boundaries, "boundaries");
    Objects.requireNonNull(reference, "reference");
    this.periodEnd = Objects.requireNonNull(periodEnd, "periodEnd");
    if (incidentCount < 0) {
      throw new IllegalArgumentException("Incident count must be 0 or more, was " + incidentCount);
    }
    this.incidentCount = incidentCount;
    this.periodStart = periodEnd.minus(PERIOD);
    this.periodDays = (int) ChronoUnit.DAYS.between(periodStart, periodEnd);

    List<DemoArea> areaList = new ArrayList<>();
    Map<String, DemoArea> areasByCode = new LinkedHashMap<>();
    Map<String, Geometry> geometriesByCode = new LinkedHashMap<>();
    for (Municipality municipality : reference.municipalities()) { // sorted by code
      Geometry boundary = boundaries.get(municipality.code());
      if (boundary == null) {
        throw new IllegalArgumentException("No boundary for municipality " + municipality.code()
            + " (" + municipality.name() + ")");
      }
      DemoArea area = new DemoArea(municipality, boundary,
          CITY_WEIGHTS.getOrDefault(municipality.code(), DemoArea.TYPICAL_WEIGHT), BORDER_MARGIN_METRES);
      areaList.add(area);
      areasByCode.put(area.code(), area);
      geometriesByCode.put(area.code(), boundary);
    }
    this.areas = List.copyOf(areaList);
    this.hotspotArea = required(areasByCode, HOTSPOT.municipalityCode());
    if (!hotspotArea.admits(HOTSPOT.x(), HOTSPOT.y(), 3 * HOTSPOT.sigmaMetres())) {
      throw new IllegalArgumentException("The hotspot centre (" + HOTSPOT.x() + ", " + HOTSPOT.y()
          + ") must lie well inside " + HOTSPOT.municipalityCode() + " in these boundaries");
    }
    this.displacementArea = required(areasByCode, DISPLACEMENT.municipalityCode());
    this.nearRepeatArea = required(areasByCode, NEAR_REPEAT.municipalityCode());
    if (!nearRepeatArea.admits(NEAR_REPEAT.x(), NEAR_REPEAT.y(), 4 * NEAR_REPEAT.sigmaMetres())) {
      throw new IllegalArgumentException("The near-repeat chain (" + NEAR_REPEAT.x() + ", " + NEAR_REPEAT.y()
          + ") must lie well inside " + NEAR_REPEAT.municipalityCode() + " in these boundaries");
    }
    this.displacementNeighbours = MunicipalityContiguity.queen(geometriesByCode)
        .neighbours(DISPLACEMENT.municipalityCode()).stream()
        .map(areasByCode::get)
        .toList();
    if (displacementNeighbours.isEmpty()) {
      throw new IllegalArgumentException("The displacement municipality "
          + DISPLACEMENT.municipalityCode() + " has no neighbours in these boundaries");
    }

    // one stream per file, so that each file is the same whichever is written first
    SplittableRandom seeds = new SplittableRandom(seed);
    this.incidentSeed = seeds.nextLong();
    this.riskLocations = new DemoRiskLocations(areas, areasByCode, periodStart, periodEnd, seeds);
    // drawn after the streams above, so that the incidents and risk locations stay as they were
    this.nearRepeatSeed = seeds.nextLong();
    this.windowSeed = seeds.nextLong();
  }

  /** First day of the period. */
  public LocalDate periodStart() {
    return periodStart;
  }

  /** First day after the period. */
  public LocalDate periodEnd() {
    return periodEnd;
  }

  /** The four import files the generator writes, named as the importers expect. */
  public record DemoFiles(Path incidents, Path hempSites, Path holidayParks, Path omgClubhouses) {
  }

  /** Writes all demo data as import files into {@code dir} (created if needed). */
  public DemoFiles writeFiles(Path dir) throws IOException {
    Files.createDirectories(dir);
    DemoFiles files = new DemoFiles(dir.resolve("incidents.csv"), dir.resolve("hemp-sites.csv"),
        dir.resolve("holiday-parks.geojson"), dir.resolve("omg-clubhouses.csv"));
    try (Writer out = Files.newBufferedWriter(files.incidents(), StandardCharsets.UTF_8)) {
      writeIncidents(out);
    }
    try (Writer out = Files.newBufferedWriter(files.hempSites(), StandardCharsets.UTF_8)) {
      writeHempSites(out);
    }
    try (Writer out = Files.newBufferedWriter(files.holidayParks(), StandardCharsets.UTF_8)) {
      writeHolidayParks(out);
    }
    try (Writer out = Files.newBufferedWriter(files.omgClubhouses(), StandardCharsets.UTF_8)) {
      writeOmgClubhouses(out);
    }
    return files;
  }

  /**
   * The incidents CSV (format v1), sorted by occurrence, with the columns
   * {@code source_id,category,occurred_at,occurred_to,x,y,precision,demo,modus}: burglaries with a time
   * are mostly found later, so about half of them have an {@code occurred_to} up to two days after
   * (from a stream of its own). Flushes but does not close
   * {@code out}. The text is ASCII, so any charset writes it alike.
   */
  public void writeIncidents(Writer out) throws IOException {
    CSVPrinter csv = csv(out, "source_id", "category", "occurred_at", "occurred_to", "x", "y", "precision", "demo",
        "modus");
    List<Incident> incidents = incidents();
    SplittableRandom windows = new SplittableRandom(windowSeed);
    for (int i = 0; i < incidents.size(); i++) {
      Incident incident = incidents.get(i);
      int decimals = incident.precision().decimals();
      csv.printRecord("DEMO-I-%06d".formatted(i + 1), incident.category(),
          incident.dateOnly() ? incident.occurredAt().toLocalDate() : MINUTES.format(incident.occurredAt()),
          occurredTo(incident, windows),
          metres(incident.location().x, decimals), metres(incident.location().y, decimals),
          incident.precision().code(), true, incident.modus());
    }
    csv.flush();
  }

  /** The hemp sites CSV: {@value #HEMP_SITE_COUNT} dismantled plantations. */
  public void writeHempSites(Writer out) throws IOException {
    riskLocations.writeHempSites(out);
  }

  /** The holiday parks, a GeoJSON FeatureCollection in RD New: {@value #HOLIDAY_PARK_COUNT} parks. */
  public void writeHolidayParks(Writer out) throws IOException {
    riskLocations.writeHolidayParks(out);
  }

  /** The OMG clubhouses CSV: {@value #OMG_CLUBHOUSE_COUNT} clubhouses, active and closed. */
  public void writeOmgClubhouses(Writer out) throws IOException {
    riskLocations.writeOmgClubhouses(out);
  }

  private List<Incident> incidents() {
    SplittableRandom random = new SplittableRandom(incidentSeed);
    int hotspotCount = HOTSPOT.incidentCount(incidentCount);
    int displacementCount = DISPLACEMENT.incidentCount(incidentCount);
    List<Incident> incidents = new ArrayList<>(incidentCount);
    WeightedChoice<DemoCategory> categories = WeightedChoice.of(DemoCategory.ALL, DemoCategory::share);
    WeightedChoice<DemoArea> byWeight = WeightedChoice.of(areas, DemoArea::weight);
    // the target's own incidents of the displaced category are all in the planted series
    WeightedChoice<DemoArea> outsideDisplacementTarget =
        WeightedChoice.of(areas, area -> area == displacementArea ? 0 : area.weight());
    List<DemoRiskLocations.HolidayPark> parks = riskLocations.holidayParks();
    List<DemoRiskLocations.HempSite> hempSites = riskLocations.hempSites();
    // a stream of its own, so that every other incident is where it was before the relation was planted
    SplittableRandom nearHempSites = new SplittableRandom(incidentSeed).split();
    for (int i = 0; i < incidentCount - hotspotCount - displacementCount; i++) {
      DemoCategory category = categories.pick(random);
      LocalDateTime occurredAt = category.occurredAt(random, periodStart, periodDays);
      Precision precision = PRECISIONS.pick(random);
      Coordinate location;
      if (category.atHolidayParks()) {
        location = parks.get(random.nextInt(parks.size())).pointInside(random, precision.decimals());
      } else {
        DemoArea area = (category.code().equals(DISPLACEMENT.category()) ? outsideDisplacementTarget : byWeight)
            .pick(random);
        location = placeIn(area, category, random, precision.decimals());
        if (category.code().equals(RISK_RELATION.category()) && nearHempSites.nextDouble() < RISK_RELATION.share()) {
          DemoRiskLocations.HempSite site = hempSites.get(nearHempSites.nextInt(hempSites.size()));
          location = site.area().near(nearHempSites, site.location().x, site.location().y,
              RISK_RELATION.sigmaMetres(), precision.decimals());
        }
      }
      incidents.add(incident(category, occurredAt, location, precision, random));
    }

    DemoCategory hotspotCategory = DemoCategory.byCode(HOTSPOT.category());
    for (int i = 0; i < hotspotCount; i++) {
      LocalDateTime occurredAt = hotspotCategory.occurredAt(random, periodStart, periodDays);
      Precision precision = PRECISIONS.pick(random);
      incidents.add(incident(hotspotCategory, occurredAt, hotspotArea.near(random, HOTSPOT.x(), HOTSPOT.y(),
          HOTSPOT.sigmaMetres(), precision.decimals()), precision, random));
    }

    DemoCategory displacedCategory = DemoCategory.byCode(DISPLACEMENT.category());
    LocalDate intervention = DISPLACEMENT.interventionDate(periodEnd);
    int daysBefore = (int) ChronoUnit.DAYS.between(periodStart, intervention);
    int countBefore = (int) Math.round((double) displacementCount * daysBefore / periodDays);
    int moved = (int) Math.round((displacementCount - countBefore) * DISPLACEMENT.reduction());
    for (int i = 0; i < displacementCount; i++) {
      LocalDateTime occurredAt = i < countBefore
          ? displacedCategory.occurredAt(random, periodStart, daysBefore)
          : displacedCategory.occurredAt(random, intervention, periodDays - daysBefore);
      Precision precision = PRECISIONS.pick(random);
      Coordinate location = i >= displacementCount - moved
          ? displaced(random, precision.decimals())
          : placeIn(displacementArea, displacedCategory, random, precision.decimals());
      incidents.add(incident(displacedCategory, occurredAt, location, precision, random));
    }
    incidents.addAll(nearRepeatChain());
    // chronological like a real export; the sort is stable, so ties keep the generation order
    incidents.sort(Comparator.comparing(Incident::occurredAt));
    return incidents;
  }

  /** The planted near-repeat chain, from its own stream. */
  private List<Incident> nearRepeatChain() {
    SplittableRandom random = new SplittableRandom(nearRepeatSeed);
    DemoCategory category = DemoCategory.byCode(NEAR_REPEAT.category());
    List<Incident> chain = new ArrayList<>();
    LocalDate day = periodEnd.minusDays(NEAR_REPEAT.startDaysBeforeEnd());
    for (int i = 0; i < NEAR_REPEAT.count(); i++) {
      Precision precision = PRECISIONS.pick(random);
      // in the evening, when burglars find houses empty and dark
      LocalDateTime occurredAt = day.atTime(17 + random.nextInt(5), random.nextInt(60));
      chain.add(new Incident(category.code(), occurredAt, false, nearRepeatArea.near(random, NEAR_REPEAT.x(),
          NEAR_REPEAT.y(), NEAR_REPEAT.sigmaMetres(), precision.decimals()), precision, category.modus(random)));
      day = day.plusDays(1 + random.nextInt(NEAR_REPEAT.maxDaysApart()));
    }
    return chain;
  }

  /**
   * When a burglary with a time was found: for about half of them, 1 to 48 hours after it happened
   * (an {@code occurred_to}) when that lies before the end of the data; empty for the others and for
   * every other category. Two draws per incident, so that each row's window depends on the seed alone.
   */
  private String occurredTo(Incident incident, SplittableRandom windows) {
    double draw = windows.nextDouble();
    LocalDateTime end = incident.occurredAt().plusHours(1 + windows.nextInt(48));
    // not found yet when the window would end after the data does (the import refuses a future date)
    if (incident.dateOnly() || !incident.category().equals("woninginbraak") || draw < 0.5
        || !end.toLocalDate().isBefore(periodEnd)) {
      return "";
    }
    return MINUTES.format(end);
  }

  /** In the town or, for the category's rural share, anywhere in the municipality. */
  private static Coordinate placeIn(DemoArea area, DemoCategory category, SplittableRandom random, int decimals) {
    return random.nextDouble() < category.ruralShare()
        ? area.anywhere(random, 0, decimals)
        : area.inTown(random, 1, decimals);
  }

  private static Incident incident(DemoCategory category, LocalDateTime occurredAt, Coordinate location,
      Precision precision, SplittableRandom random) {
    // a date-only report sorts at the start of its day
    boolean dateOnly = random.nextDouble() < category.dateOnlyShare();
    return new Incident(category.code(), dateOnly ? occurredAt.toLocalDate().atStartOfDay() : occurredAt,
        dateOnly, location, precision, category.modus(random));
  }

  /** A point just over the border of the displacement target, in one of its neighbours. */
  private Coordinate displaced(SplittableRandom random, int decimals) {
    Coordinate centre = displacementArea.centre();
    while (true) {
      double x = DemoArea.round(centre.x + DISPLACEMENT.spreadSigmaMetres() * DemoArea.gaussian(random), decimals);
      double y = DemoArea.round(centre.y + DISPLACEMENT.spreadSigmaMetres() * DemoArea.gaussian(random), decimals);
      for (DemoArea neighbour : displacementNeighbours) {
        if (neighbour.admits(x, y, 0)) {
          return new Coordinate(x, y);
        }
      }
    }
  }

  private static DemoArea required(Map<String, DemoArea> areasByCode, String code) {
    DemoArea area = areasByCode.get(code);
    if (area == null) {
      throw new IllegalArgumentException("The demo data plants a signal in " + code
          + ", which is not a municipality of the reference geography");
    }
    return area;
  }

  /** Whole metres or decimetres; the value is already rounded to them. */
  private static String metres(double value, int decimals) {
    return decimals == 0 ? Long.toString((long) value) : Double.toString(value);
  }

  /** A CSV printer that has written the header: comma-separated, minimal quoting, LF line ends. */
  static CSVPrinter csv(Writer out, String... header) throws IOException {
    return CSVFormat.DEFAULT.builder().setRecordSeparator('\n').setHeader(header).get().print(out);
  }

  private record Precision(String code, double share) {

    /** Exact locations are written in decimetres, the others in whole metres. */
    int decimals() {
      return code.equals("exact") ? 1 : 0;
    }
  }

  private record Incident(String category, LocalDateTime occurredAt, boolean dateOnly,
      Coordinate location, Precision precision, String modus) {
  }
}
