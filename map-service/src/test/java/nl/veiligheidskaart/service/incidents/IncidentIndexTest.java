package nl.veiligheidskaart.service.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.geodata.crs.CrsTransform;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/** The in-memory index's own arithmetic: buckets, cells and times (its answers against the database: the agreement test). */
class IncidentIndexTest {

  private static final Instant MARCH = Instant.parse("2024-03-01T00:00:00Z");
  private static final Instant APRIL = Instant.parse("2024-04-01T00:00:00Z");

  /** Web Mercator x/y are given; RD New coordinates do not matter here. */
  private static IncidentIndex index() {
    return IncidentIndex.builder()
        .add("A", "woninginbraak", MARCH, false, "GM0150", 0, 0, 0, 0)
        .add("B", "woninginbraak", APRIL, false, "GM0150", 0, 0, 2_500, 100)
        .add("C", "hennep", MARCH, true, "GM0164", 0, 0, 100_000, -50_000)
        .add("D", "woninginbraak", MARCH.minusSeconds(1), false, "GM0164", 0, 0, 1_000, 1_000)
        .build();
  }

  private static List<String> inExtent(IncidentIndex index, Envelope mercator, IncidentQuery query) {
    List<String> found = new ArrayList<>();
    index.forEachInExtent(Crs.WEB_MERCATOR, mercator, query, incident -> found.add(incident.sourceId()));
    return found;
  }

  @Test
  void findsTheIncidentsInAnExtentAcrossBuckets() {
    assertThat(inExtent(index(), new Envelope(-10, 3_000, -10, 1_000), IncidentQuery.all()))
        .containsExactlyInAnyOrder("A", "B", "D");
  }

  @Test
  void selectsByCategoryAndHalfOpenPeriod() {
    IncidentIndex index = index();

    assertThat(inExtent(index, new Envelope(-1e6, 1e6, -1e6, 1e6), IncidentQuery.of(List.of("woninginbraak"), MARCH,
        APRIL))).containsExactly("A");
    assertThat(index.countsByMunicipality(IncidentQuery.all())).isEqualTo(Map.of("GM0150", 2L, "GM0164", 2L));
    assertThat(index.timeSpan()).contains(new TimeSpan(MARCH.minusSeconds(1), APRIL));
    assertThat(index.containsDemo()).isTrue();
  }

  /** A tile's east and south edges belong to the next tile: an incident is never counted twice. */
  @Test
  void cellCountsGiveBorderIncidentsToTheCellEastAndSouth() {
    IncidentIndex index = IncidentIndex.builder()
        .add("west edge", "x", MARCH, false, "GM1", 0, 0, 0, 50)
        .add("east edge", "x", MARCH, false, "GM1", 0, 0, 100, 50)
        .add("north edge", "x", MARCH, false, "GM1", 0, 0, 75, 100)
        .add("south edge", "x", MARCH, false, "GM1", 0, 0, 75, 0)
        .build();

    int[] counts = index.countCells(Crs.WEB_MERCATOR, new Envelope(0, 100, 0, 100), IncidentQuery.all(), 2);

    // rows from the north: [NW, NE, SW, SE]
    assertThat(counts).containsExactly(0, 1, 1, 0);
  }

  /** Buckets wholly inside one cell are counted whole; that must count exactly what placing every point does. */
  @Test
  void cellCountsEqualPlacingEveryIncident() {
    Random random = new Random(8);
    IncidentIndex.Builder builder = IncidentIndex.builder();
    for (int i = 0; i < 50_000; i++) {
      // clustered and spread, some on exact bucket and cell borders
      double x = i % 10 == 0 ? 1024 * random.nextInt(200) : random.nextGaussian() * 30_000 + 700_000;
      double y = i % 10 == 1 ? 1024 * random.nextInt(200) + 6_800_000 : random.nextGaussian() * 30_000 + 6_850_000;
      builder.add("S" + i, i % 3 == 0 ? "hennep" : "woninginbraak", MARCH.plusSeconds(i * 60L), false, "GM1", 0, 0,
          x, y);
    }
    IncidentIndex index = builder.build();
    for (Envelope tile : List.of(new Envelope(626_172.14, 782_715.17, 6_731_350.46, 6_887_893.49),
        new Envelope(680_000, 700_000, 6_830_000, 6_850_000), new Envelope(0, 1_000_000, 6_000_000, 7_000_000))) {
      for (IncidentQuery query : List.of(IncidentQuery.all(),
          IncidentQuery.of(List.of("hennep"), null, MARCH.plusSeconds(30_000 * 60L)))) {
        int[] expected = new int[16 * 16];
        index.forEachInExtent(Crs.WEB_MERCATOR, tile, query, incident -> {
          double x = incident.x();
          double y = incident.y();
          if (x < tile.getMaxX() && y > tile.getMinY()) {
            int column = Math.min(15, (int) ((x - tile.getMinX()) * (16 / tile.getWidth())));
            int row = Math.min(15, (int) ((tile.getMaxY() - y) * (16 / tile.getHeight())));
            expected[row * 16 + column]++;
          }
        });
        assertThat(index.countCells(Crs.WEB_MERCATOR, tile, query, 16)).as("%s", tile).containsExactly(expected);
      }
    }
  }

  /**
   * An extent in RD New (a NetherlandsRDNewQuad tile) finds and counts incidents by their RD New
   * coordinates, with the same border rule, though the index is bucketed in Web Mercator.
   */
  @Test
  void rdNewExtentsFindAndCountByRdNewCoordinates() {
    IncidentIndex.Builder builder = IncidentIndex.builder();
    double[][] rd = {{194_215, 469_380}, {193_707.2, 468_500}, {194_567.36, 468_500}, {194_000, 469_021.12},
        {194_000, 468_160.96}, {195_000, 468_500}};
    for (int i = 0; i < rd.length; i++) {
      Coordinate mercator = CrsTransform.transform(new Coordinate(rd[i][0], rd[i][1]), Crs.RD_NEW, Crs.WEB_MERCATOR);
      builder.add("R" + i, "x", MARCH, false, "GM0200", rd[i][0], rd[i][1], mercator.x, mercator.y);
    }
    IncidentIndex index = builder.build();
    // level 10, row 505, column 557 of NetherlandsRDNewQuad: x 193 707.2..194 567.36, y 468 160.96..469 021.12
    Envelope tile = new Envelope(193_707.2, 194_567.36, 468_160.96, 469_021.12);
    Map<String, Coordinate> found = new HashMap<>();
    index.forEachInExtent(Crs.RD_NEW, tile, IncidentQuery.all(),
        incident -> found.put(incident.sourceId(), new Coordinate(incident.x(), incident.y())));
    // R0 lies north of the tile, R5 east of it; the edges are included
    assertThat(found.keySet()).containsExactlyInAnyOrder("R1", "R2", "R3", "R4");
    assertThat(found.get("R1")).isEqualTo(new Coordinate(193_707.2, 468_500));

    int[] counts = index.countCells(Crs.RD_NEW, tile, IncidentQuery.all(), 2);
    // rows from the north: [NW, NE, SW, SE]; the east and south edges belong to the next tile,
    // so R2 (east edge) and R4 (south edge) are not counted, R1 (west edge) and R3 (north edge) are
    assertThat(counts).containsExactly(1, 0, 1, 0);
  }

  /**
   * Demo-like data (whole metres, whole minutes, numbered source ids) over Oost-Nederland in at
   * most 40 bytes per incident, the time order for the analyses included.
   */
  @Test
  void holdsAnIncidentInAtMost40Bytes() {
    Random random = new Random(40);
    IncidentIndex.Builder builder = IncidentIndex.builder();
    int count = 100_000;
    for (int i = 0; i < count; i++) {
      double x = 180_000 + random.nextInt(90_000);
      double y = 420_000 + random.nextInt(110_000);
      Coordinate mercator = IncidentMercator.of(x, y);
      builder.add("DEMO-I-%07d".formatted(i), "c" + random.nextInt(20), MARCH.plusSeconds(60L * random.nextInt(1_000_000)),
          true, "GM0%03d".formatted(random.nextInt(76)), x, y, mercator.x, mercator.y);
    }
    IncidentIndex index = builder.build();
    index.prepareAnalyses();

    assertThat(index.bytes() / (double) count).isLessThanOrEqualTo(40);
  }

  /** Values that are not whole millimetres or seconds, and ids without a number, come back exactly. */
  @Test
  void keepsEveryValueExactly() {
    Instant odd = Instant.parse("2024-03-01T20:30:05.123Z");
    Instant early = Instant.parse("1901-01-01T00:00:00Z");
    IncidentIndex index = IncidentIndex.builder()
        .add("no digits", "x", odd, false, "GM1", 194_200.123_456_7, 469_000.1, 100.5, 200.25)
        .add("B-0042", "x", early, false, "GM1", 194_200.001, -0.0, 300, 400)
        .add("C-1234567890123", "x", MARCH, false, null, 7e8, 469_000, 500, 600)
        .build();

    Map<String, MapIncident> found = new HashMap<>();
    index.forEachInExtent(Crs.WEB_MERCATOR, new Envelope(0, 1_000, 0, 1_000), IncidentQuery.all(),
        incident -> found.put(incident.sourceId(), incident));
    assertThat(found.keySet()).containsExactlyInAnyOrder("no digits", "B-0042", "C-1234567890123");
    assertThat(found.get("no digits").occurredAt()).isEqualTo(odd);
    assertThat(found.get("B-0042").occurredAt()).isEqualTo(early);
    assertThat(found.get("no digits").x()).isEqualTo(100.5);
    IncidentLocations locations = index.locations(IncidentQuery.all());
    assertThat(locations.xs()).containsExactly(194_200.001, 7e8, 194_200.123_456_7);
    assertThat(Double.doubleToRawLongBits(locations.ys()[0])).isEqualTo(Double.doubleToRawLongBits(-0.0));
    assertThat(locations.occurredAtMillis()).containsExactly(early.toEpochMilli(), MARCH.toEpochMilli(),
        odd.toEpochMilli());
  }

  /** The analyses' order: by time, then by source id as strings compare, whatever their format. */
  @Test
  void ordersByTimeThenSourceIdAsStrings() {
    IncidentIndex.Builder builder = IncidentIndex.builder();
    List<String> ids = List.of("A-10", "A-9", "A-09", "B", "A-100", "A-1000000000", "a-1");
    for (int i = 0; i < ids.size(); i++) {
      builder.add(ids.get(i), "x", i == 3 ? MARCH.minusMillis(1) : MARCH, false, "GM1", i, 0, 0, 0);
    }
    builder.add("A-5", "x", MARCH.plusMillis(1), false, "GM1", 99, 0, 0, 0);

    IncidentLocations locations = builder.build().locations(IncidentQuery.all());

    // B (earlier), then A-09, A-10, A-100, A-1000000000, A-9, a-1 at MARCH, then A-5
    assertThat(locations.xs()).containsExactly(3, 2, 0, 4, 5, 1, 6, 99);
  }

  /** An index built from another and appended rows answers as one built from all rows at once. */
  @Test
  void anIndexWithAppendedRowsEqualsOneReadWhole() {
    Random random = new Random(19);
    IncidentIndex.Builder whole = IncidentIndex.builder();
    IncidentIndex.Builder firstPart = IncidentIndex.builder();
    List<Object[]> appended = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      double x = 190_000 + random.nextInt(30_000) + (i % 3 == 0 ? random.nextDouble() : 0);
      double y = 465_000 + random.nextInt(15_000);
      Coordinate mercator = IncidentMercator.of(x, y);
      Object[] row = {"S-" + i, i % 4 == 0 ? "hennep" : "woninginbraak",
          MARCH.plusSeconds(random.nextInt(5_000_000)).plusMillis(i % 7 == 0 ? 5 : 0), i % 5 == 0,
          i % 9 == 0 ? null : "GM0" + (150 + i % 3), x, y, mercator.x, mercator.y};
      add(whole, row);
      if (i < 15_000) {
        add(firstPart, row).stored(i + 1);
      } else {
        appended.add(row);
      }
    }
    IncidentIndex.Builder continued = firstPart.build().toBuilder();
    for (Object[] row : appended) {
      add(continued, row);
    }
    IncidentIndex expected = whole.build();
    IncidentIndex actual = continued.build();

    assertThat(actual.lastId()).isEqualTo(15_000);
    for (IncidentQuery query : List.of(IncidentQuery.all(), IncidentQuery.of(List.of("hennep"), MARCH,
        MARCH.plusSeconds(2_000_000)), IncidentQuery.all().within(java.util.Set.of("GM0151")))) {
      IncidentLocations expectedLocations = expected.locations(query);
      IncidentLocations actualLocations = actual.locations(query);
      assertThat(actualLocations.xs()).containsExactly(expectedLocations.xs());
      assertThat(actualLocations.ys()).containsExactly(expectedLocations.ys());
      assertThat(actualLocations.occurredAtMillis()).containsExactly(expectedLocations.occurredAtMillis());
      assertThat(actual.countsByMunicipalityAndCategory(query)).isEqualTo(expected.countsByMunicipalityAndCategory(query));
      Envelope tile = new Envelope(IncidentMercator.of(195_000, 466_000).x, IncidentMercator.of(215_000, 478_000).x,
          IncidentMercator.of(195_000, 466_000).y, IncidentMercator.of(215_000, 478_000).y);
      assertThat(actual.countCells(Crs.WEB_MERCATOR, tile, query, 16))
          .containsExactly(expected.countCells(Crs.WEB_MERCATOR, tile, query, 16));
      assertThat(inExtent(actual, tile, query)).containsExactlyInAnyOrderElementsOf(inExtent(expected, tile, query));
    }
    assertThat(actual.timeSpan()).isEqualTo(expected.timeSpan());
  }

  private static IncidentIndex.Builder add(IncidentIndex.Builder builder, Object[] row) {
    return builder.add((String) row[0], (String) row[1], (Instant) row[2], (Boolean) row[3], (String) row[4],
        (Double) row[5], (Double) row[6], (Double) row[7], (Double) row[8]);
  }

  @Test
  void timesAreWrittenAsInstantWritesThem() {
    for (Instant time : List.of(Instant.parse("2024-03-01T20:30:05Z"), Instant.parse("2024-03-01T20:30:05.120Z"),
        Instant.parse("0999-12-31T23:59:59Z"))) {
      assertThat(new MapIncident("S", "x", time, false, 0, 0).occurredAtText()).isEqualTo(time.toString());
    }
  }
}
