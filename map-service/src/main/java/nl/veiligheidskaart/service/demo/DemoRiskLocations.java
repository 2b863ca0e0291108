package nl.veiligheidskaart.service.demo;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.geodata.io.GeoJsonGeometries;
import org.apache.commons.csv.CSVPrinter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * The risk locations of the demo data: hemp sites, holiday parks and OMG clubhouses. Each kind has
 * its own random stream, so that one file does not change when another is written first or not at
 * all. Holiday parks are made up front because the {@code vakantieparken} incidents lie in them.
 */
final class DemoRiskLocations {

  private static final GeometryFactory RD_NEW =
      new GeometryFactory(new PrecisionModel(), Crs.RD_NEW.epsg());

  /** Where the parks are: mostly the Veluwe, then Twente and Salland, one in the Achterhoek. */
  private static final List<ParkRegion> PARK_REGIONS = List.of(
      new ParkRegion("GM0228", 3), // Ede
      new ParkRegion("GM0203", 3), // Barneveld
      new ParkRegion("GM0302", 3), // Nunspeet
      new ParkRegion("GM0233", 3), // Ermelo
      new ParkRegion("GM0273", 2), // Putten
      new ParkRegion("GM0232", 3), // Epe
      new ParkRegion("GM0200", 3), // Apeldoorn
      new ParkRegion("GM0163", 2), // Hellendoorn
      new ParkRegion("GM0175", 1), // Ommen
      new ParkRegion("GM0148", 1), // Dalfsen
      new ParkRegion("GM0294", 1)); // Winterswijk

  private static final List<String> PARK_KINDS =
      List.of("Vakantiepark", "Bungalowpark", "Recreatiepark", "Camping");
  private static final List<String> PARK_NAMES = List.of("De Wildwal", "Het Hertenkamp",
      "De Sprengen", "Bosrijk", "De Zandhoeve", "Het Heidepark", "De Eekhoorn", "Het Vennetje",
      "De Boshoek", "Zonnedauw", "De Dennenhof", "Het Wolvenbos", "De Berkenhof", "Het Zwanenmeer",
      "De Holtweg", "De Vossenburcht", "Het Ganzenveld", "De Kraaiheide", "De Bosrand",
      "Het Uilennest", "De Hazenkamp", "De Beukenlaan", "Het Heideven", "De Spechtenhof",
      "De Zilverberk", "Het Reeenspoor", "De Mosterdhoeve", "Het Jachthuis");

  /** Parks of 3 to 12 hectares: the area of a disc, before the vertices are jittered. */
  private static final double MIN_PARK_HECTARES = 3;
  private static final double MAX_PARK_HECTARES = 12;
  private static final int PARK_VERTICES = 8;
  private static final double MIN_PARK_GAP_METRES = 100;

  private static final List<HempSiteKind> HEMP_SITE_KINDS = List.of(
      new HempSiteKind("house", 0.40, 100, 800, 0.35, true, false),
      new HempSiteKind("business_premises", 0.30, 400, 3_000, 0.25, false, false),
      new HempSiteKind("outdoor", 0.15, 20, 300, 0, false, true),
      new HempSiteKind("other", 0.15, 100, 1_200, 0.15, false, false));
  /** The mayor closes a premises under the Opium Act (Damocles) or warns; empty: no measure. */
  private static final WeightedChoice<Weighted> HEMP_INTERVENTIONS = choice(
      new Weighted("Damocles-sluiting 3 maanden", 0.35), new Weighted("Damocles-sluiting 6 maanden", 0.25),
      new Weighted("bestuurlijke waarschuwing", 0.15), new Weighted("", 0.25));
  private static final WeightedChoice<Weighted> HEMP_SOURCES = choice(
      new Weighted("politie", 0.50), new Weighted("gemeente", 0.15), new Weighted("netbeheerder", 0.15),
      new Weighted("Meld Misdaad Anoniem", 0.10), new Weighted("woningcorporatie", 0.10));

  /** Invented clubs, three clubhouses each; the first is under a civil ban, so all closed. */
  private static final List<String> CLUBS =
      List.of("IJzeren Vuist MC", "Stalen Ros MC", "Oostwind MC", "Grensland Riders MC");
  private static final WeightedChoice<Weighted> RISK_CLASSES = choice(
      new Weighted("laag", 0.30), new Weighted("midden", 0.45), new Weighted("hoog", 0.25));

  private final List<DemoArea> areas;
  private final Map<String, DemoArea> areasByCode;
  private final LocalDate periodStart;
  private final LocalDate periodEnd;
  private final int periodDays;
  private final long clubhouseSeed;
  private final List<HolidayPark> holidayParks;
  private final List<HempSite> hempSites;

  DemoRiskLocations(List<DemoArea> areas, Map<String, DemoArea> areasByCode, LocalDate periodStart,
      LocalDate periodEnd, SplittableRandom seeds) {
    this.areas = areas;
    this.areasByCode = areasByCode;
    this.periodStart = periodStart;
    this.periodEnd = periodEnd;
    this.periodDays = (int) ChronoUnit.DAYS.between(periodStart, periodEnd);
    SplittableRandom hempRandom = new SplittableRandom(seeds.nextLong());
    this.clubhouseSeed = seeds.nextLong();
    this.holidayParks = makeHolidayParks(new SplittableRandom(seeds.nextLong()));
    this.hempSites = makeHempSites(hempRandom);
  }

  /** A holiday park in RD New, whole metres. */
  record HolidayPark(String sourceId, String name, DemoArea area, Polygon polygon, int units,
      boolean permanentResidence, boolean subversionSignals) {

    /** A uniform point of the park, at whole metres or decimetres. */
    Coordinate pointInside(SplittableRandom random, int decimals) {
      var envelope = polygon.getEnvelopeInternal();
      while (true) {
        double x = DemoArea.round(envelope.getMinX() + random.nextDouble() * envelope.getWidth(), decimals);
        double y = DemoArea.round(envelope.getMinY() + random.nextDouble() * envelope.getHeight(), decimals);
        if (polygon.contains(RD_NEW.createPoint(new Coordinate(x, y))) && area.admits(x, y, 0)) {
          return new Coordinate(x, y);
        }
      }
    }
  }

  List<HolidayPark> holidayParks() {
    return holidayParks;
  }

  /** The hemp sites, sorted by the day they were found; drawn once, so that incidents can lie near them. */
  List<HempSite> hempSites() {
    return hempSites;
  }

  private List<HempSite> makeHempSites(SplittableRandom random) {
    WeightedChoice<HempSiteKind> kinds = WeightedChoice.of(HEMP_SITE_KINDS, HempSiteKind::share);
    List<HempSite> sites = new ArrayList<>();
    for (int i = 0; i < DemoDataGenerator.HEMP_SITE_COUNT; i++) {
      HempSiteKind kind = kinds.pick(random);
      // any municipality alike: plantations hide in the countryside and on the outskirts
      DemoArea area = areas.get(random.nextInt(areas.size()));
      Coordinate location = kind.inTown() ? area.inTown(random, 1.5, 0) : area.anywhere(random, 0, 0);
      LocalDate found;
      do {
        found = periodStart.plusDays(random.nextInt(periodDays));
      } while (kind.harvestSeason() && (found.getMonthValue() < 7 || found.getMonthValue() > 10));
      LocalDate dismantled = found.plusDays(random.nextInt(4));
      if (!dismantled.isBefore(periodEnd)) {
        dismantled = found; // never in the future
      }
      sites.add(new HempSite(found, dismantled,
          kind.minPlants() + random.nextInt(kind.maxPlants() - kind.minPlants() + 1), kind.code(),
          random.nextDouble() < kind.fireHazard(),
          kind.harvestSeason() ? "" : HEMP_INTERVENTIONS.pick(random).value(), // no premises to close
          HEMP_SOURCES.pick(random).value(), location, area));
    }
    sites.sort(Comparator.comparing(HempSite::foundOn));
    return List.copyOf(sites);
  }

  void writeHempSites(Writer out) throws IOException {
    List<HempSite> sites = hempSites;
    CSVPrinter csv = DemoDataGenerator.csv(out, "source_id", "found_on", "dismantled_on", "plant_count",
        "site_type", "fire_hazard", "intervention", "source", "x", "y", "demo");
    for (int i = 0; i < sites.size(); i++) {
      HempSite site = sites.get(i);
      csv.printRecord("DEMO-H-%03d".formatted(i + 1), site.foundOn(), site.dismantledOn(),
          site.plantCount(), site.siteType(), yesNo(site.fireHazard()), site.intervention(), site.source(),
          (long) site.location().x, (long) site.location().y, true);
    }
    csv.flush();
  }

  void writeOmgClubhouses(Writer out) throws IOException {
    SplittableRandom random = new SplittableRandom(clubhouseSeed);
    WeightedChoice<DemoArea> byWeight = WeightedChoice.of(areas, DemoArea::weight);
    int perClub = DemoDataGenerator.OMG_CLUBHOUSE_COUNT / CLUBS.size();
    LocalDate banDate = periodStart.plusDays(random.nextInt(periodDays / 2));
    CSVPrinter csv = DemoDataGenerator.csv(out, "source_id", "club", "chapter", "status", "risk_class",
        "civil_ban", "opened_on", "closed_on", "x", "y", "demo");
    Set<String> chapters = new HashSet<>(); // membership only, never iterated
    for (int i = 0; i < DemoDataGenerator.OMG_CLUBHOUSE_COUNT; i++) {
      String club = CLUBS.get(i / perClub);
      DemoArea area;
      do {
        area = byWeight.pick(random);
      } while (!chapters.add(club + " " + area.code())); // one chapter per club and town
      // clubhouses stand on industrial estates at the edge of town
      Coordinate location = area.inTown(random, 1.5, 0);
      LocalDate openedOn = periodStart.minusDays(365 + random.nextInt(14 * 365));
      boolean banned = i / perClub == 0;
      boolean closedByMayor = i == DemoDataGenerator.OMG_CLUBHOUSE_COUNT - 1;
      LocalDate closedOn = banned ? banDate.plusDays(7 + random.nextInt(60))
          : closedByMayor ? periodStart.plusDays(random.nextInt(periodDays)) : null;
      csv.printRecord("DEMO-O-%03d".formatted(i + 1), club, area.municipality().name(),
          closedOn == null ? "active" : "closed", banned ? "hoog" : RISK_CLASSES.pick(random).value(),
          yesNo(banned), openedOn, closedOn == null ? "" : closedOn,
          (long) location.x, (long) location.y, true);
    }
    csv.flush();
  }

  /** A GeoJSON FeatureCollection in RD New, one feature per line. */
  void writeHolidayParks(Writer out) throws IOException {
    out.write("{\"type\":\"FeatureCollection\",\n\"crs\":{\"type\":\"name\",\"properties\":{\"name\":"
        + "\"urn:ogc:def:crs:EPSG::" + Crs.RD_NEW.epsg() + "\"}},\n\"features\":[\n");
    for (int i = 0; i < holidayParks.size(); i++) {
      HolidayPark park = holidayParks.get(i);
      // the names come from the fixed lists above and need no JSON escaping
      out.write("{\"type\":\"Feature\",\"properties\":{\"source_id\":\"" + park.sourceId()
          + "\",\"name\":\"" + park.name() + "\",\"units\":" + park.units()
          + ",\"permanent_residence\":" + park.permanentResidence()
          + ",\"subversion_signals\":" + park.subversionSignals()
          + ",\"demo\":true},\"geometry\":" + GeoJsonGeometries.write(park.polygon(), 0) + "}"
          + (i < holidayParks.size() - 1 ? ",\n" : "\n"));
    }
    out.write("]}\n");
    out.flush();
  }

  private List<HolidayPark> makeHolidayParks(SplittableRandom random) {
    List<String> names = new ArrayList<>(PARK_NAMES);
    for (int i = names.size() - 1; i > 0; i--) { // Fisher-Yates, on our own stream
      names.set(i, names.set(random.nextInt(i + 1), names.get(i)));
    }
    List<HolidayPark> parks = new ArrayList<>();
    for (ParkRegion region : PARK_REGIONS) {
      DemoArea area = areasByCode.get(region.code());
      for (int p = 0; p < region.parks(); p++) {
        double hectares = MIN_PARK_HECTARES + random.nextDouble() * (MAX_PARK_HECTARES - MIN_PARK_HECTARES);
        double radius = Math.sqrt(hectares * 10_000 / Math.PI);
        double reach = 1.2 * radius + 1; // farthest vertex, plus rounding
        Polygon polygon;
        do { // in the countryside, the whole park inside the margin, apart from the other parks
          polygon = parkPolygon(random, area.anywhere(random, reach, 0), radius);
        } while (isNearAny(parks, polygon));
        int units = (int) Math.round(polygon.getArea() / 10_000 * (8 + 12 * random.nextDouble()));
        String name = PARK_KINDS.get(random.nextInt(PARK_KINDS.size())) + " " + names.get(parks.size());
        boolean permanentResidence = random.nextDouble() < 0.4;
        boolean subversionSignals = random.nextDouble() < 0.25;
        parks.add(new HolidayPark("DEMO-P-%03d".formatted(parks.size() + 1), name, area, polygon, units,
            permanentResidence, subversionSignals));
      }
    }
    return List.copyOf(parks);
  }

  private static boolean isNearAny(List<HolidayPark> parks, Polygon polygon) {
    return parks.stream().anyMatch(park -> park.polygon().isWithinDistance(polygon, MIN_PARK_GAP_METRES));
  }

  /** A star-shaped polygon: jittered angles (never crossing) and radii 0.8-1.2 of the mean. */
  private static Polygon parkPolygon(SplittableRandom random, Coordinate centre, double radius) {
    double rotation = random.nextDouble() * 2 * Math.PI;
    Coordinate[] ring = IntStream.range(0, PARK_VERTICES).mapToObj(v -> {
      double angle = rotation + 2 * Math.PI * (v + 0.3 * (random.nextDouble() - 0.5)) / PARK_VERTICES;
      double r = radius * (0.8 + 0.4 * random.nextDouble());
      return new Coordinate(Math.round(centre.x + r * Math.cos(angle)), Math.round(centre.y + r * Math.sin(angle)));
    }).toArray(Coordinate[]::new);
    Coordinate[] closed = Arrays.copyOf(ring, PARK_VERTICES + 1);
    closed[PARK_VERTICES] = ring[0];
    return RD_NEW.createPolygon(closed);
  }

  private static String yesNo(boolean value) {
    return value ? "ja" : "nee";
  }

  private static WeightedChoice<Weighted> choice(Weighted... options) {
    return WeightedChoice.of(List.of(options), Weighted::weight);
  }

  private record ParkRegion(String code, int parks) {
  }

  private record Weighted(String value, double weight) {
  }

  /**
   * @param inTown houses lie in the town (its wider outskirts), the rest anywhere
   * @param harvestSeason outdoor plants are found from July to October
   */
  private record HempSiteKind(String code, double share, int minPlants, int maxPlants, double fireHazard,
      boolean inTown, boolean harvestSeason) {
  }

  /** A dismantled plantation and the municipality it lies in. */
  record HempSite(LocalDate foundOn, LocalDate dismantledOn, int plantCount, String siteType,
      boolean fireHazard, String intervention, String source, Coordinate location, DemoArea area) {
  }
}
