package nl.veiligheidskaart.service.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import javax.sql.DataSource;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.geodata.crs.CrsTransform;
import nl.veiligheidskaart.service.config.Zones;
import nl.veiligheidskaart.service.store.DataChangedEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The two implementations of the incident read model give the same answer to every question the
 * service asks, on each database the service supports: one fixture of incidents in the store
 * (around period, month and summer-time boundaries in Dutch time, on the edges of map extents and
 * cells, with and without a municipality), every method asked over a grid of categories, periods,
 * municipality scopes (none given, empty, some) and Web Mercator extents, the answers compared
 * exactly. A few answers are also checked against what the fixture holds, so that two equally wrong
 * implementations do not pass.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "veiligheidskaart.demo-data=false")
abstract class IncidentReadModelAgreementTest {

  private static final String PREFIX = "AGREE-";
  private static final Instant MARCH = LocalDate.parse("2025-03-01").atStartOfDay(Zones.NETHERLANDS).toInstant();
  private static final Instant APRIL = LocalDate.parse("2025-04-01").atStartOfDay(Zones.NETHERLANDS).toInstant();
  /** 02:00 CET became 03:00 CEST: 01:00 UTC. */
  private static final Instant SUMMER_TIME = Instant.parse("2025-03-30T01:00:00Z");
  private static final Instant OCTOBER = LocalDate.parse("2025-10-01").atStartOfDay(Zones.NETHERLANDS).toInstant();
  /** RD New points in Apeldoorn (GM0200) and Deventer (GM0150), the fixed ones on map-extent edges. */
  private static final Coordinate APELDOORN = new Coordinate(194_200, 469_000);
  private static final Coordinate DEVENTER = new Coordinate(208_000, 474_000);

  @Autowired DataSource dataSource;
  @Autowired PlatformTransactionManager transactions;
  @Autowired ApplicationEventPublisher events;

  // stored once per class, before its first test (Spring's beans are not there yet in a static @BeforeAll)
  private static JdbcTemplate jdbc;
  private static ApplicationEventPublisher publisher;
  private static IncidentReadModel memory;
  private static IncidentReadModel database;

  @BeforeEach
  void storeTheFixture() {
    if (memory != null) {
      return;
    }
    jdbc = new JdbcTemplate(dataSource);
    publisher = events;
    List<Object[]> rows = new ArrayList<>();
    // the boundaries of [MARCH, APRIL): one millisecond before, at, and after each end
    for (Instant at : List.of(MARCH.minusMillis(1), MARCH, MARCH.plusMillis(1), APRIL.minusMillis(1), APRIL,
        APRIL.plusMillis(1), SUMMER_TIME.minusMillis(1), SUMMER_TIME, OCTOBER.minusMillis(1), OCTOBER)) {
      rows.add(row("grens", at, "GM0200", false, APELDOORN));
      rows.add(row("woninginbraak", at, "GM0150", true, DEVENTER));
    }
    // in the Netherlands already March, in UTC still February
    rows.add(row("grens", Instant.parse("2025-02-28T23:30:00Z"), "GM0200", false, APELDOORN));
    rows.add(row("hennep", MARCH.plusSeconds(3600), null, false, new Coordinate(200_000, 470_000)));
    Random random = new Random(18);
    String[] categories = {"woninginbraak", "hennep", "jeugdoverlast"};
    String[] municipalities = {"GM0200", "GM0150", "GM0164", "GM0193", null};
    for (int i = 0; i < 1_500; i++) {
      Instant at = Instant.parse("2024-06-01T00:00:00Z").plusSeconds(random.nextInt(2 * 365 * 24 * 3600))
          .plusMillis(i % 7 == 0 ? random.nextInt(1000) : 0);
      // some on whole hundreds of metres, where extents and cells below are cut
      double x = i % 5 == 0 ? 190_000 + 100 * random.nextInt(300) : 190_000 + random.nextDouble() * 30_000;
      double y = i % 5 == 1 ? 465_000 + 100 * random.nextInt(150) : 465_000 + random.nextDouble() * 15_000;
      rows.add(row(categories[random.nextInt(3)], at, municipalities[random.nextInt(5)], i % 11 == 0,
          new Coordinate(x, y)));
    }
    // the in-memory model reads the first part whole and then has the rest appended, as after an import
    String insert = "INSERT INTO incident (source_id, category, occurred_at, occurred_at_has_time, municipality_code,"
        + " geometry, demo) VALUES (?, ?, ?, TRUE, ?, ST_GeomFromText(?, 28992), ?)";
    jdbc.batchUpdate(insert, rows.subList(0, rows.size() / 2));
    jdbc.batchUpdate("INSERT INTO incident (source_id, category, occurred_at, occurred_at_has_time, occurred_to,"
        + " municipality_code, geometry, demo) VALUES (?, ?, ?, ?, ?, ?, ST_GeomFromText(?, 28992), FALSE)",
        windowRows());
    events.publishEvent(new DataChangedEvent("incidents"));
    InMemoryIncidentReadModel inMemory = new InMemoryIncidentReadModel(dataSource, transactions);
    int readWhole = inMemory.index().size();
    long lastId = inMemory.index().lastId();
    jdbc.batchUpdate(insert, rows.subList(rows.size() / 2, rows.size()));
    inMemory.dataChanged(new DataChangedEvent("incidents", lastId));
    assertThat(inMemory.index().size()).as("appended").isEqualTo(readWhole + rows.size() - rows.size() / 2);
    memory = inMemory;
    database = new DatabaseIncidentReadModel(dataSource);
  }

  private static int sequence;

  /** A burglary found after a weekend, in Deventer, Friday 17:00 to Monday 08:00 (Dutch time). */
  static final Instant WEEKEND_FROM = Instant.parse("2025-03-07T16:00:00Z");
  static final Instant WEEKEND_TO = Instant.parse("2025-03-10T07:00:00Z");

  /** Incidents with a window (an occurred_to) and with a date only, some on the same moments as others. */
  private static List<Object[]> windowRows() {
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[] {PREFIX + (sequence++), "woninginbraak", offset(WEEKEND_FROM), true, offset(WEEKEND_TO),
        "GM0150", "POINT (" + DEVENTER.x + " " + DEVENTER.y + ")"});
    Random random = new Random(22);
    // not the categories whose counts theAnswersAreTheFixtures pins
    String[] categories = {"woninginbraak", "jeugdoverlast"};
    String[] municipalities = {"GM0200", "GM0150", null};
    for (int i = 0; i < 60; i++) {
      boolean dateOnly = i % 3 == 0;
      Instant at = dateOnly
          ? LocalDate.parse("2025-03-01").plusDays(random.nextInt(60)).atStartOfDay(Zones.NETHERLANDS).toInstant()
          : i % 3 == 1 ? MARCH : Instant.parse("2025-02-20T00:00:00Z").plusSeconds(random.nextInt(90 * 24 * 3600));
      Instant to = dateOnly ? null : at.plusSeconds(random.nextInt(5 * 24 * 3600)).plusMillis(i % 5 == 0 ? 250 : 0);
      rows.add(new Object[] {PREFIX + (sequence++), categories[random.nextInt(2)], offset(at), !dateOnly,
          to == null ? null : offset(to), municipalities[random.nextInt(3)], "POINT (" + (APELDOORN.x + i) + " "
          + APELDOORN.y + ")"});
    }
    return rows;
  }

  private static OffsetDateTime offset(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  private static Object[] row(String category, Instant at, String municipality, boolean demo, Coordinate rd) {
    return new Object[] {PREFIX + (sequence++), category, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), municipality,
        "POINT (" + rd.x + " " + rd.y + ")", demo};
  }

  @AfterAll
  static void removeTheFixture() {
    jdbc.update("DELETE FROM incident WHERE source_id LIKE '" + PREFIX + "%'");
    publisher.publishEvent(new DataChangedEvent("incidents"));
    memory = null;
    database = null;
  }

  private static List<IncidentQuery> queries() {
    List<List<String>> categories = List.of(List.of(), List.of("grens"), List.of("woninginbraak", "hennep"),
        List.of("niet-bestaand"));
    List<Instant[]> periods = List.of(new Instant[] {null, null}, new Instant[] {MARCH, APRIL},
        new Instant[] {MARCH.plusMillis(1), APRIL.minusMillis(1)}, new Instant[] {SUMMER_TIME, OCTOBER},
        new Instant[] {null, MARCH}, new Instant[] {APRIL, null}, new Instant[] {MARCH, MARCH});
    List<Set<String>> scopes = Arrays.asList(null, Set.of(), Set.of("GM0200"), Set.of("GM0200", "GM0150"),
        Set.of("GM9999"));
    List<IncidentQuery> queries = new ArrayList<>();
    for (List<String> category : categories) {
      for (Instant[] period : periods) {
        for (Set<String> scope : scopes) {
          queries.add(new IncidentQuery(category, period[0], period[1], scope));
        }
      }
    }
    return queries;
  }

  /** Web Mercator extents: around the fixture, with edges through fixture points, the world, nothing. */
  private static List<Envelope> extents() {
    // the incidents' own Web Mercator locations, so that these edges pass through them
    Coordinate apeldoorn = IncidentMercator.of(APELDOORN.x, APELDOORN.y);
    Coordinate deventer = IncidentMercator.of(DEVENTER.x, DEVENTER.y);
    Coordinate southWest = CrsTransform.transform(new Coordinate(190_000, 465_000), Crs.RD_NEW, Crs.WEB_MERCATOR);
    Coordinate northEast = CrsTransform.transform(new Coordinate(220_000, 480_000), Crs.RD_NEW, Crs.WEB_MERCATOR);
    return List.of(
        new Envelope(southWest.x - 500, northEast.x + 500, southWest.y - 500, northEast.y + 500),
        new Envelope(apeldoorn.x, deventer.x, apeldoorn.y, deventer.y),
        new Envelope(apeldoorn.x - 2_000, apeldoorn.x, apeldoorn.y, apeldoorn.y + 2_000),
        new Envelope(southWest.x, (southWest.x + northEast.x) / 2, (southWest.y + northEast.y) / 2, northEast.y),
        new Envelope(-20_037_508.34, 20_037_508.34, -20_037_508.34, 20_037_508.34),
        new Envelope(0, 1_000, 0, 1_000),
        new Envelope());
  }

  @Test
  void countsAgree() {
    for (IncidentQuery query : queries()) {
      Map<String, Map<String, Long>> byCategory = memory.countsByMunicipalityAndCategory(query);
      assertThat(database.countsByMunicipalityAndCategory(query)).as("%s", query).isEqualTo(byCategory);
      Map<String, Long> byMunicipality = memory.countsByMunicipality(query);
      assertThat(database.countsByMunicipality(query)).as("%s", query).isEqualTo(byMunicipality);
      byCategory.forEach((code, counts) -> assertThat(byMunicipality.get(code)).as("%s %s", query, code)
          .isEqualTo(counts.values().stream().mapToLong(Long::longValue).sum()));
      assertThat(database.countsByMonth(query)).as("%s", query).isEqualTo(memory.countsByMonth(query));
    }
  }

  @Test
  void locationsAgreeInTheirOrder() {
    for (IncidentQuery query : queries()) {
      IncidentLocations expected = memory.locations(query);
      IncidentLocations actual = database.locations(query);
      assertThat(actual.xs()).as("%s", query).containsExactly(expected.xs());
      assertThat(actual.ys()).as("%s", query).containsExactly(expected.ys());
      assertThat(actual.occurredAtMillis()).as("%s", query).containsExactly(expected.occurredAtMillis());
    }
  }

  @Test
  void timeWindowsAgree() {
    for (IncidentQuery query : queries()) {
      IncidentTimeWindows expected = memory.timeWindows(query);
      IncidentTimeWindows actual = database.timeWindows(query);
      assertThat(actual.startMillis()).as("%s", query).containsExactly(expected.startMillis());
      assertThat(actual.endMillis()).as("%s", query).containsExactly(expected.endMillis());
      assertThat(actual.size()).as("%s", query).isEqualTo(memory.locations(query).size());
    }
    for (IncidentReadModel model : List.of(memory, database)) {
      IncidentTimeWindows deventer = model.timeWindows(new IncidentQuery(List.of("woninginbraak"), MARCH, APRIL,
          Set.of("GM0150")));
      int weekend = Arrays.binarySearch(deventer.startMillis(), WEEKEND_FROM.toEpochMilli());
      assertThat(weekend).isNotNegative();
      assertThat(deventer.endMillis()[weekend]).isEqualTo(WEEKEND_TO.toEpochMilli());
      // a date without a time is the whole Dutch day
      IncidentTimeWindows all = model.timeWindows(IncidentQuery.all());
      long dayStart = LocalDate.parse("2025-03-30").atStartOfDay(Zones.NETHERLANDS).toInstant().toEpochMilli();
      for (int i = 0; i < all.size(); i++) {
        if (all.startMillis()[i] == dayStart && all.endMillis()[i] != dayStart) {
          // the day summer time began has 23 hours
          assertThat(all.endMillis()[i] - dayStart).isEqualTo(23 * 3_600_000L);
        }
      }
    }
  }

  @Test
  void mapExtentsAndCellsAgree() {
    for (IncidentQuery query : queries()) {
      for (Envelope extent : extents()) {
        assertExtentAgrees(Crs.WEB_MERCATOR, extent, query);
      }
      for (Envelope extent : rdExtents()) {
        assertExtentAgrees(Crs.RD_NEW, extent, query);
      }
    }
  }

  private void assertExtentAgrees(Crs crs, Envelope extent, IncidentQuery query) {
    assertThat(inExtent(database, crs, extent, query)).as("%s %s %s", query, crs, extent)
        .isEqualTo(inExtent(memory, crs, extent, query));
    for (int side : List.of(7, 16)) {
      assertThat(database.countCells(crs, extent, query, side)).as("%s %s %s %d", query, crs, extent, side)
          .containsExactly(memory.countCells(crs, extent, query, side));
    }
  }

  /** Extents in RD New, as NetherlandsRDNewQuad tiles ask: around the fixture, on its edges, and empty. */
  private static List<Envelope> rdExtents() {
    return List.of(new Envelope(189_500, 220_500, 464_500, 480_500),
        new Envelope(APELDOORN.x, DEVENTER.x, APELDOORN.y, DEVENTER.y),
        new Envelope(APELDOORN.x - 2_000, APELDOORN.x, APELDOORN.y, APELDOORN.y + 2_000),
        new Envelope());
  }

  @Test
  void timeSpanAndDemoAgree() {
    assertThat(database.timeSpan()).isEqualTo(memory.timeSpan()).isPresent();
    assertThat(database.containsDemo()).isEqualTo(memory.containsDemo()).isTrue();
  }

  /** What both must answer for the fixture: [from, to) in Dutch time, months in Dutch time, edges of extents. */
  @Test
  void theAnswersAreTheFixtures() {
    for (IncidentReadModel model : List.of(memory, database)) {
      IncidentQuery march = new IncidentQuery(List.of("grens"), MARCH, APRIL, null);
      assertThat(model.countsByMunicipality(march)).as("from inclusive, to exclusive").isEqualTo(Map.of("GM0200", 6L));
      assertThat(model.countsByMonth(march.during(null, null))).containsEntry(YearMonth.of(2025, 2), 1L)
          .containsEntry(YearMonth.of(2025, 3), 6L).containsEntry(YearMonth.of(2025, 4), 2L);
      assertThat(model.countsByMunicipality(march.within(Set.of()))).isEmpty();
      assertThat(model.countsByMunicipalityAndCategory(IncidentQuery.of(List.of("hennep"), MARCH.plusSeconds(3600),
          MARCH.plusSeconds(3601)))).as("incidents without a municipality are counted nowhere").isEmpty();
      assertThat(model.locations(IncidentQuery.of(List.of("hennep"), MARCH.plusSeconds(3600),
          MARCH.plusSeconds(3601))).size()).as("but they are located").isEqualTo(1);
      Envelope edges = extents().get(1);
      assertThat(inExtent(model, Crs.WEB_MERCATOR, edges, march.within(Set.of("GM0200")))).as("edges included")
          .hasSize(6);
      int[] cells = model.countCells(Crs.WEB_MERCATOR, edges, march.within(Set.of("GM0200")), 2);
      assertThat(cells).as("on the west and south edge: the south-west cell holds none (south edge)")
          .containsExactly(0, 0, 0, 0);
      int[] bordered = model.countCells(Crs.WEB_MERCATOR, extents().get(2), march, 2);
      assertThat(bordered).as("on the east edge: counted by the next tile").containsExactly(0, 0, 0, 0);
    }
  }

  private static List<MapIncident> inExtent(IncidentReadModel model, Crs crs, Envelope extent,
      IncidentQuery query) {
    List<MapIncident> found = new ArrayList<>();
    model.forEachInExtent(crs, extent, query, found::add);
    found.sort(Comparator.comparing(MapIncident::sourceId));
    return found;
  }
}
