package nl.veiligheidskaart.service.maptiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.geodata.crs.CrsTransform;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

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

  @Test
  void findsTheIncidentsInAnExtentAcrossBuckets() {
    IncidentIndex index = index();
    List<String> found = new ArrayList<>();

    index.forEach(new Envelope(-10, 3_000, -10, 1_000), index.select(List.of(), null, null),
        i -> found.add(index.sourceId(i)));

    assertThat(found).containsExactlyInAnyOrder("A", "B", "D");
  }

  @Test
  void selectsByCategoryAndHalfOpenPeriod() {
    IncidentIndex index = index();
    List<String> found = new ArrayList<>();

    index.forEach(index.select(List.of("woninginbraak"), MARCH, APRIL), i -> found.add(index.sourceId(i)));

    assertThat(found).containsExactly("A");
    assertThat(index.countsByMunicipality(index.select(List.of(), null, null)))
        .isEqualTo(Map.of("GM0150", 2L, "GM0164", 2L));
    assertThat(index.latest()).isEqualTo(APRIL);
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

    int[] counts = index.countCells(new Envelope(0, 100, 0, 100), index.select(List.of(), null, null), 2);

    // rows from the north: [NW, NE, SW, SE]
    assertThat(counts).containsExactly(0, 1, 1, 0);
  }

  /** Buckets wholly inside one cell are counted whole; that must count exactly what placing every point does. */
  @Test
  void cellCountsEqualPlacingEveryIncident() {
    java.util.Random random = new java.util.Random(8);
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
      for (IncidentIndex.Selection selection : List.of(index.select(List.of(), null, null),
          index.select(List.of("hennep"), null, MARCH.plusSeconds(30_000 * 60L)))) {
        int[] expected = new int[16 * 16];
        index.forEach(tile, selection, i -> {
          double x = index.mercatorX(i);
          double y = index.mercatorY(i);
          if (x < tile.getMaxX() && y > tile.getMinY()) {
            int column = Math.min(15, (int) ((x - tile.getMinX()) * (16 / tile.getWidth())));
            int row = Math.min(15, (int) ((tile.getMaxY() - y) * (16 / tile.getHeight())));
            expected[row * 16 + column]++;
          }
        });
        assertThat(index.countCells(tile, selection, 16)).as("%s", tile).containsExactly(expected);
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
    index.forEach(Crs.RD_NEW, tile, index.select(List.of(), null, null),
        i -> found.put(index.sourceId(i), new Coordinate(index.x(Crs.RD_NEW, i), index.y(Crs.RD_NEW, i))));
    // R0 lies north of the tile, R5 east of it; the edges are included
    assertThat(found.keySet()).containsExactlyInAnyOrder("R1", "R2", "R3", "R4");
    assertThat(found.get("R1")).isEqualTo(new Coordinate(193_707.2, 468_500));

    int[] counts = index.countCells(Crs.RD_NEW, tile, index.select(List.of(), null, null), 2);
    // rows from the north: [NW, NE, SW, SE]; the east and south edges belong to the next tile,
    // so R2 (east edge) and R4 (south edge) are not counted, R1 (west edge) and R3 (north edge) are
    assertThat(counts).containsExactly(1, 0, 1, 0);
  }

  @Test
  void timesAreWrittenAsInstantWritesThem() {
    IncidentIndex index = IncidentIndex.builder()
        .add("whole seconds", "x", Instant.parse("2024-03-01T20:30:05Z"), false, "GM1", 0, 0, 0, 0)
        .add("milliseconds", "x", Instant.parse("2024-03-01T20:30:05.120Z"), false, "GM1", 0, 0, 0, 0)
        .add("long ago", "x", Instant.parse("0999-12-31T23:59:59Z"), false, "GM1", 0, 0, 0, 0)
        .build();

    for (int i = 0; i < index.size(); i++) {
      assertThat(index.occurredAtText(i)).isEqualTo(index.occurredAt(i).toString());
    }
  }
}
