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

  @Test
  void timesAreWrittenAsInstantWritesThem() {
    for (Instant time : List.of(Instant.parse("2024-03-01T20:30:05Z"), Instant.parse("2024-03-01T20:30:05.120Z"),
        Instant.parse("0999-12-31T23:59:59Z"))) {
      assertThat(new MapIncident("S", "x", time, false, 0, 0).occurredAtText()).isEqualTo(time.toString());
    }
  }
}
