package nl.veiligheidskaart.service.demo;

import static nl.veiligheidskaart.service.demo.DemoDataGenerator.DEFAULT_INCIDENT_COUNT;
import static nl.veiligheidskaart.service.demo.DemoDataGenerator.DEFAULT_SEED;
import static nl.veiligheidskaart.service.demo.DemoDataGenerator.DISPLACEMENT;
import static nl.veiligheidskaart.service.demo.DemoDataGenerator.HOTSPOT;
import static nl.veiligheidskaart.service.demo.DemoDataGenerator.NEAR_REPEAT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import nl.veiligheidskaart.geodata.boundary.BoundaryFileReader;
import nl.veiligheidskaart.geodata.contiguity.MunicipalityContiguity;
import nl.veiligheidskaart.service.analysis.KnoxTest;
import nl.veiligheidskaart.geodata.io.GeoJsonGeometries;
import nl.veiligheidskaart.geodata.reference.Municipality;
import nl.veiligheidskaart.geodata.reference.ReferenceGeography;
import nl.veiligheidskaart.service.SharedGeodata;
import nl.veiligheidskaart.service.config.Zones;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The demo data of the default seed on the real 2019 boundaries: formats, realism, planted signals. */
class DemoDataGeneratorTest {

  private static final LocalDate PERIOD_END = LocalDate.of(2025, 1, 1);
  private static final LocalDate PERIOD_START = LocalDate.of(2023, 1, 1);
  private static final ReferenceGeography REFERENCE = ReferenceGeography.oostNederland();
  private static final GeometryFactory GEOMETRIES = new GeometryFactory();

  /** The category codes of docs/import-formats.md. */
  private static final Set<String> CATEGORIES = Set.of("woninginbraak", "jeugdoverlast", "verward-gedrag",
      "jeugd-ondermijning", "hennep", "synthetische-drugs", "omg", "vakantieparken", "witwassen",
      "ondermijning", "cybercrime");

  private static Map<String, Geometry> boundaries;
  private static List<Area> areas;
  private static Files files;
  private static List<Incident> incidents;

  /** A municipality, prepared for many point tests. */
  private record Area(Municipality municipality, Geometry boundary, PreparedGeometry prepared) {

    double distanceToBorder(Point point) {
      return boundary.getBoundary().distance(point);
    }
  }

  private record Files(String incidents, String hempSites, String holidayParks, String omgClubhouses) {
  }

  /** An incident row with its place, parsed. */
  private record Incident(CSVRecord row, String category, LocalDateTime occurredAt, boolean dateOnly,
      Point point, Area area) {

    LocalDate date() {
      return occurredAt.toLocalDate();
    }
  }

  @BeforeAll
  static void generate() {
    boundaries = new BoundaryFileReader()
        .read(SharedGeodata.file("gemeenten-oost-nederland-2019.geojson"), REFERENCE, 2019)
        .geometriesByCode();
    areas = REFERENCE.municipalities().stream()
        .map(m -> new Area(m, boundaries.get(m.code()), PreparedGeometryFactory.prepare(boundaries.get(m.code()))))
        .toList();
    files = generate(DEFAULT_SEED);
    incidents = parse(files.incidents()).stream().map(row -> {
      String at = row.get("occurred_at");
      boolean dateOnly = !at.contains("T");
      Point point = point(row);
      return new Incident(row, row.get("category"),
          dateOnly ? LocalDate.parse(at).atStartOfDay() : LocalDateTime.parse(at), dateOnly, point,
          areaOf(point));
    }).toList();
  }

  @Test
  void theSameSeedGivesTheSameBytesAndAnotherSeedOtherData() {
    Files again = generate(DEFAULT_SEED);
    Files other = generate(DEFAULT_SEED + 1);

    assertThat(again).isEqualTo(files);
    assertThat(other.incidents()).isNotEqualTo(files.incidents());
    assertThat(other.hempSites()).isNotEqualTo(files.hempSites());
    assertThat(other.holidayParks()).isNotEqualTo(files.holidayParks());
    assertThat(other.omgClubhouses()).isNotEqualTo(files.omgClubhouses());
  }

  @Test
  void eachFileIsTheSameWhicheverIsWrittenFirst() {
    DemoDataGenerator generator = generator(DEFAULT_SEED);
    String omg = write(generator::writeOmgClubhouses);
    String parks = write(generator::writeHolidayParks);
    String hemp = write(generator::writeHempSites);
    String incidentsCsv = write(generator::writeIncidents);

    assertThat(new Files(incidentsCsv, hemp, parks, omg)).isEqualTo(files);
  }

  @Test
  void incidentsAreInImportFormatV1AndFlaggedAsDemo() {
    assertThat(files.incidents().lines().findFirst())
        .contains("source_id,category,occurred_at,occurred_to,x,y,precision,demo,modus");
    // the near-repeat chain comes on top, so that the other planted signals stay as they were
    assertThat(incidents).hasSize(DEFAULT_INCIDENT_COUNT + NEAR_REPEAT.count());
    assertThat(incidents).map(i -> i.row().get("source_id"))
        .doesNotHaveDuplicates()
        .allMatch(id -> id.matches("DEMO-I-\\d{6}"));
    assertThat(incidents).map(Incident::category).isSubsetOf(CATEGORIES)
        .containsAll(CATEGORIES);
    assertThat(incidents).allMatch(i -> i.row().get("demo").equals("true"));
    assertThat(incidents).allMatch(i -> !i.row().get("modus").isBlank());
    assertThat(incidents).map(i -> i.row().get("precision"))
        .containsOnly("exact", "address", "street", "postcode", "neighbourhood");
    // RD metres, whole or (for exact locations) with one decimal
    assertThat(incidents).allMatch(i -> {
      String pattern = i.row().get("precision").equals("exact") ? "\\d{6}\\.\\d" : "\\d{6}";
      return i.row().get("x").matches(pattern) && i.row().get("y").matches(pattern);
    });
    assertThat(incidents).map(i -> i.row().get("occurred_at"))
        .allMatch(at -> at.matches("\\d{4}-\\d\\d-\\d\\d(T\\d\\d:\\d\\d)?"));
  }

  @Test
  void incidentDatesLieInThePeriodInChronologicalOrderAndAFewHaveNoTime() {
    DemoDataGenerator generator = generator(DEFAULT_SEED);
    assertThat(generator.periodStart()).isEqualTo(PERIOD_START);
    assertThat(generator.periodEnd()).isEqualTo(PERIOD_END);
    assertThat(incidents).allMatch(i -> !i.date().isBefore(PERIOD_START) && i.date().isBefore(PERIOD_END));
    assertThat(incidents).isSortedAccordingTo((a, b) -> a.occurredAt().compareTo(b.occurredAt()));
    // no local time in the spring-forward gap, which Amsterdam clocks never show
    ZoneId amsterdam = Zones.NETHERLANDS;
    assertThat(incidents).filteredOn(i -> !i.dateOnly())
        .allMatch(i -> !amsterdam.getRules().getValidOffsets(i.occurredAt()).isEmpty());
    double dateOnlyShare = share(incidents, Incident::dateOnly);
    assertThat(dateOnlyShare).isBetween(0.03, 0.10);
  }

  @Test
  void everyIncidentLiesInAMunicipalityAtLeast300MetresFromItsBorder() {
    assertThat(incidents).allMatch(i -> i.area() != null);
    double nearest = incidents.stream()
        .mapToDouble(i -> i.area().distanceToBorder(i.point()))
        .min().orElseThrow();
    assertThat(nearest).isGreaterThanOrEqualTo(DemoDataGenerator.BORDER_MARGIN_METRES);
  }

  @Test
  void categoriesOccurAsOftenAsTheirShares() {
    // the planted series are burglaries on top of the shares of the other incidents
    double planted = HOTSPOT.shareOfIncidents() + DISPLACEMENT.shareOfIncidents();
    for (DemoCategory category : DemoCategory.ALL) {
      double expected = category.share() * (1 - planted)
          + (category.code().equals("woninginbraak") ? planted : 0);
      assertThat(share(incidents, i -> i.category().equals(category.code())))
          .as(category.code()).isCloseTo(expected, within(0.006));
    }
  }

  @Test
  void incidentsClusterInTheBigCities() {
    Map<String, Long> byMunicipality = incidents.stream()
        .collect(Collectors.groupingBy(i -> i.area().municipality().code(), Collectors.counting()));
    long nijmegen = byMunicipality.get("GM0268");
    long median = byMunicipality.values().stream().sorted().toList().get(byMunicipality.size() / 2);

    assertThat(nijmegen).isGreaterThan(4 * median);
    // and within a city, near its centre: half of Nijmegen's incidents within 3 km of it
    Point centre = boundaries.get("GM0268").getInteriorPoint();
    long central = incidents.stream()
        .filter(i -> i.area().municipality().code().equals("GM0268") && i.point().distance(centre) < 3_000)
        .count();
    assertThat(central).isGreaterThan(nijmegen / 2);
  }

  @Test
  void plantedHotspotStandsOutInDeventer() {
    Point centre = GEOMETRIES.createPoint(new Coordinate(HOTSPOT.x(), HOTSPOT.y()));
    double radius = 500;
    double discArea = Math.PI * radius * radius;
    List<Incident> deventerBurglaries = incidents.stream()
        .filter(i -> i.category().equals(HOTSPOT.category()))
        .filter(i -> i.area().municipality().code().equals(HOTSPOT.municipalityCode()))
        .toList();
    long inDisc = deventerBurglaries.stream().filter(i -> i.point().distance(centre) <= radius).count();
    double averageDiscElsewhere = (deventerBurglaries.size() - inDisc) * discArea
        / (boundaries.get(HOTSPOT.municipalityCode()).getArea() - discArea);

    // a Gaussian puts 1 - exp(-2) = 86 % within two sigma
    assertThat(inDisc).isGreaterThan(Math.round(0.8 * HOTSPOT.incidentCount(DEFAULT_INCIDENT_COUNT)));
    assertThat(inDisc / averageDiscElsewhere).isGreaterThan(20);
  }

  @Test
  void plantedDisplacementMovesBurglaryFromHengeloToItsNeighbours() {
    LocalDate intervention = DISPLACEMENT.interventionDate(PERIOD_END);
    assertThat(intervention).isEqualTo(LocalDate.of(2024, 1, 1));
    Set<String> target = Set.of(DISPLACEMENT.municipalityCode());
    Set<String> neighbours = MunicipalityContiguity.queen(boundaries).neighbours(DISPLACEMENT.municipalityCode());
    assertThat(neighbours).as("Hengelo's neighbours as docs/demo-data.md lists them")
        .containsExactly("GM0147", "GM0153", "GM0158", "GM1735", "GM1774");
    Set<String> restOfTwente = REFERENCE.municipalitiesIn("VR05").stream()
        .map(Municipality::code)
        .filter(code -> !target.contains(code) && !neighbours.contains(code))
        .collect(Collectors.toSet());

    // exactly as docs/demo-data.md works it out: 660 burglaries, 330 before, 198 of 330 after
    assertThat(DISPLACEMENT.incidentCount(DEFAULT_INCIDENT_COUNT)).isEqualTo(660);
    assertThat(count(burglaryIn(target), i -> i.date().isBefore(intervention))).isEqualTo(330);
    assertThat(count(burglaryIn(target), i -> !i.date().isBefore(intervention))).isEqualTo(198);
    assertThat(afterOverBefore(target, intervention)).isBetween(0.5, 0.7);
    assertThat(afterOverBefore(neighbours, intervention)).isGreaterThan(1.1);
    assertThat(afterOverBefore(restOfTwente, intervention)).isBetween(0.85, 1.15);
  }

  @Test
  void aboutHalfOfTheBurglariesWithATimeWereFoundLater() {
    List<Incident> timed = ofCategory("woninginbraak").stream().filter(i -> !i.dateOnly()).toList();
    assertThat(share(timed, i -> !i.row().get("occurred_to").isEmpty())).isBetween(0.45, 0.55);
    for (Incident incident : timed) {
      String to = incident.row().get("occurred_to");
      if (!to.isEmpty()) {
        long hours = Duration.between(incident.occurredAt(), LocalDateTime.parse(to)).toHours();
        assertThat(hours).isBetween(1L, 48L);
      }
    }
    assertThat(incidents).filteredOn(i -> !i.category().equals("woninginbraak") || i.dateOnly())
        .allMatch(i -> i.row().get("occurred_to").isEmpty());
  }

  @Test
  void thePlantedNearRepeatChainIsFoundByTheKnoxTest() {
    List<Incident> nijmegen = ofCategory(NEAR_REPEAT.category()).stream()
        .filter(i -> i.area().municipality().code().equals(NEAR_REPEAT.municipalityCode())).toList();
    double[] xs = nijmegen.stream().mapToDouble(i -> i.point().getX()).toArray();
    double[] ys = nijmegen.stream().mapToDouble(i -> i.point().getY()).toArray();
    int[] days = nijmegen.stream().mapToInt(i -> (int) i.date().toEpochDay()).toArray();

    KnoxTest.Table table = KnoxTest.test(KnoxTest.closePairs(xs, ys, new double[] {0, 100, 200, 400, 800}), days,
        new int[] {0, 7, 14, 21, 28}, 999, 2019, 2);

    // the first band, under 100 m and under 7 days apart, and the next distance band
    assertThat(table.p()[1][0]).isLessThan(0.05);
    assertThat(table.knoxRatio()[1][0]).isGreaterThan(2);
    assertThat(table.p()[2][0]).isLessThan(0.05);
  }

  @Test
  void burglaryFollowsTheDarkAndYouthNuisanceTheWeekendAndTheSummer() {
    List<Incident> burglary = ofCategory("woninginbraak");
    List<Incident> nuisance = ofCategory("jeugdoverlast");

    assertThat((double) count(burglary, inMonths(Month.DECEMBER, Month.JANUARY)))
        .isGreaterThan(1.5 * count(burglary, inMonths(Month.JUNE, Month.JULY)));
    assertThat((double) count(burglary, i -> !i.dateOnly() && i.occurredAt().getHour() >= 17 && i.occurredAt().getHour() < 21))
        .isGreaterThan(3 * count(burglary, i -> !i.dateOnly() && i.occurredAt().getHour() >= 2 && i.occurredAt().getHour() < 6));
    assertThat((double) count(nuisance, inMonths(Month.JUNE, Month.JULY, Month.AUGUST)))
        .isGreaterThan(1.3 * count(nuisance, inMonths(Month.DECEMBER, Month.JANUARY, Month.FEBRUARY)));
    double perWeekendDay = count(nuisance, onDays(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY)) / 2.0;
    double perWorkingDay = count(nuisance, onDays(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
        DayOfWeek.THURSDAY)) / 4.0;
    assertThat(perWeekendDay).isGreaterThan(1.5 * perWorkingDay);
    assertThat(count(nuisance, i -> i.occurredAt().getHour() >= 19 && i.occurredAt().getHour() <= 23))
        .isGreaterThan(nuisance.size() / 2);
  }

  @Test
  void holidayParkIncidentsLieInTheDemoParks() {
    List<Geometry> parks = features(files.holidayParks()).stream()
        .map(feature -> GeoJsonGeometries.read(feature.get("geometry").toString()))
        .toList();

    assertThat(ofCategory("vakantieparken"))
        .isNotEmpty()
        .allMatch(i -> parks.stream().anyMatch(park -> park.contains(i.point())));
  }

  @Test
  void hempSitesAreDocumentedCountOfDismantledPlantations() {
    assertThat(files.hempSites().lines().findFirst()).contains(
        "source_id,found_on,dismantled_on,plant_count,site_type,fire_hazard,intervention,source,x,y,demo");
    List<CSVRecord> sites = parse(files.hempSites());

    assertThat(sites).hasSize(DemoDataGenerator.HEMP_SITE_COUNT);
    assertThat(sites).map(s -> s.get("source_id")).doesNotHaveDuplicates();
    assertThat(sites).map(s -> s.get("site_type"))
        .containsOnly("house", "business_premises", "outdoor", "other");
    assertThat(sites).allSatisfy(site -> {
      LocalDate found = LocalDate.parse(site.get("found_on"));
      LocalDate dismantled = LocalDate.parse(site.get("dismantled_on"));
      assertThat(found).isBetween(PERIOD_START, PERIOD_END.minusDays(1));
      assertThat(dismantled).isAfterOrEqualTo(found).isBefore(PERIOD_END);
      assertThat(Integer.parseInt(site.get("plant_count"))).isNotNegative();
      assertThat(site.get("fire_hazard")).isIn("ja", "nee");
      assertThat(site.get("demo")).isEqualTo("true");
      assertWellInside(point(site));
    });
    assertThat(sites).filteredOn(s -> s.get("intervention").startsWith("Damocles")).hasSizeGreaterThan(5);
    assertThat(sites).filteredOn(s -> s.get("site_type").equals("outdoor"))
        .allMatch(s -> LocalDate.parse(s.get("found_on")).getMonthValue() >= 7
            && LocalDate.parse(s.get("found_on")).getMonthValue() <= 10);
  }

  @Test
  void omgClubhousesAreActiveAndClosedWithRiskClassesAndCivilBans() {
    assertThat(files.omgClubhouses().lines().findFirst()).contains(
        "source_id,club,chapter,status,risk_class,civil_ban,opened_on,closed_on,x,y,demo");
    List<CSVRecord> clubhouses = parse(files.omgClubhouses());

    assertThat(clubhouses).hasSize(DemoDataGenerator.OMG_CLUBHOUSE_COUNT);
    assertThat(clubhouses).map(c -> c.get("source_id")).doesNotHaveDuplicates();
    assertThat(clubhouses).map(c -> c.get("status")).containsOnly("active", "closed");
    assertThat(clubhouses).filteredOn(c -> c.get("status").equals("closed")).hasSize(4);
    assertThat(clubhouses).filteredOn(c -> c.get("civil_ban").equals("ja")).hasSize(3)
        .allMatch(c -> c.get("status").equals("closed"));
    assertThat(clubhouses).map(c -> c.get("risk_class")).isSubsetOf("laag", "midden", "hoog");
    assertThat(clubhouses).allSatisfy(clubhouse -> {
      LocalDate opened = LocalDate.parse(clubhouse.get("opened_on"));
      assertThat(opened).isBefore(PERIOD_START);
      if (clubhouse.get("status").equals("closed")) {
        assertThat(LocalDate.parse(clubhouse.get("closed_on"))).isAfter(opened).isBefore(PERIOD_END);
      } else {
        assertThat(clubhouse.get("closed_on")).isEmpty();
      }
      assertThat(clubhouse.get("demo")).isEqualTo("true");
      assertWellInside(point(clubhouse));
    });
  }

  @Test
  void holidayParksArePolygonsOfAFewHectaresMostlyOnTheVeluwe() {
    JsonNode collection = JsonMapper.builder().build().readTree(files.holidayParks());
    assertThat(collection.get("type").asString()).isEqualTo("FeatureCollection");
    assertThat(collection.at("/crs/properties/name").asString()).isEqualTo("urn:ogc:def:crs:EPSG::28992");
    List<JsonNode> parks = features(files.holidayParks());

    assertThat(parks).hasSize(DemoDataGenerator.HOLIDAY_PARK_COUNT);
    assertThat(parks).map(p -> p.at("/properties/source_id").asString()).doesNotHaveDuplicates();
    assertThat(parks).map(p -> p.at("/properties/name").asString()).doesNotHaveDuplicates();
    Set<String> veluwe = Set.of("GM0228", "GM0203", "GM0302", "GM0233", "GM0273", "GM0232", "GM0200");
    List<String> municipalities = new ArrayList<>();
    assertThat(parks).allSatisfy(park -> {
      JsonNode properties = park.get("properties");
      assertThat(properties.get("units").asInt()).isPositive();
      assertThat(properties.get("permanent_residence").isBoolean()).isTrue();
      assertThat(properties.get("subversion_signals").isBoolean()).isTrue();
      assertThat(properties.get("demo").asBoolean()).isTrue();
      Geometry polygon = GeoJsonGeometries.read(park.get("geometry").toString());
      assertThat(polygon).isInstanceOf(Polygon.class);
      assertThat(polygon.isValid()).isTrue();
      assertThat(polygon.getArea() / 10_000).isBetween(2.0, 15.0);
      Area area = areaOf(polygon.getInteriorPoint());
      assertThat(area).isNotNull();
      assertThat(area.boundary().getBoundary().distance(polygon)).isGreaterThanOrEqualTo(300);
      assertThat(area.boundary().contains(polygon)).isTrue();
      municipalities.add(area.municipality().code());
    });
    assertThat(municipalities).filteredOn(veluwe::contains).hasSizeGreaterThanOrEqualTo(18);
    assertThat(municipalities).contains("GM0163", "GM0175", "GM0148");
  }

  @Test
  void refusesIncompleteBoundariesAndNegativeCounts() {
    Map<String, Geometry> withoutDeventer = new LinkedHashMap<>(boundaries);
    withoutDeventer.remove("GM0150");

    assertThatThrownBy(() -> new DemoDataGenerator(withoutDeventer, REFERENCE, DEFAULT_SEED, PERIOD_END, 10))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GM0150");
    assertThatThrownBy(() -> new DemoDataGenerator(boundaries, REFERENCE, DEFAULT_SEED, PERIOD_END, -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
  }

  private static DemoDataGenerator generator(long seed) {
    return new DemoDataGenerator(boundaries, REFERENCE, seed, PERIOD_END, DEFAULT_INCIDENT_COUNT);
  }

  private static Files generate(long seed) {
    DemoDataGenerator generator = generator(seed);
    return new Files(write(generator::writeIncidents), write(generator::writeHempSites),
        write(generator::writeHolidayParks), write(generator::writeOmgClubhouses));
  }

  private interface FileWriting {
    void writeTo(Writer out) throws IOException;
  }

  private static String write(FileWriting writing) {
    StringWriter out = new StringWriter();
    try {
      writing.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static List<CSVRecord> parse(String csv) {
    try {
      return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
          .parse(new StringReader(csv)).getRecords();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<JsonNode> features(String geoJson) {
    List<JsonNode> features = new ArrayList<>();
    JsonMapper.builder().build().readTree(geoJson).get("features").forEach(features::add);
    return features;
  }

  private static Point point(CSVRecord row) {
    return GEOMETRIES.createPoint(new Coordinate(Double.parseDouble(row.get("x")), Double.parseDouble(row.get("y"))));
  }

  /** The municipality that contains the point, or null. */
  private static Area areaOf(Point point) {
    return areas.stream().filter(area -> area.prepared().contains(point)).findFirst().orElse(null);
  }

  private static void assertWellInside(Point point) {
    Area area = areaOf(point);
    assertThat(area).as("municipality of " + point).isNotNull();
    assertThat(area.distanceToBorder(point)).isGreaterThanOrEqualTo(DemoDataGenerator.BORDER_MARGIN_METRES);
  }

  private static double afterOverBefore(Set<String> codes, LocalDate intervention) {
    List<Incident> burglary = burglaryIn(codes);
    long after = count(burglary, i -> !i.date().isBefore(intervention));
    return (double) after / (burglary.size() - after);
  }

  private static List<Incident> burglaryIn(Set<String> codes) {
    return ofCategory(DISPLACEMENT.category()).stream()
        .filter(i -> codes.contains(i.area().municipality().code()))
        .toList();
  }

  private static List<Incident> ofCategory(String code) {
    return incidents.stream().filter(i -> i.category().equals(code)).toList();
  }

  private static long count(List<Incident> list, Predicate<Incident> predicate) {
    return list.stream().filter(predicate).count();
  }

  private static double share(List<Incident> list, Predicate<Incident> predicate) {
    return (double) count(list, predicate) / list.size();
  }

  private static Predicate<Incident> inMonths(Month... months) {
    Set<Month> set = new HashSet<>(List.of(months));
    return i -> set.contains(i.date().getMonth());
  }

  private static Predicate<Incident> onDays(DayOfWeek... days) {
    Set<DayOfWeek> set = new HashSet<>(List.of(days));
    return i -> set.contains(i.date().getDayOfWeek());
  }
}
