package nl.veiligheidskaart.service.maptiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
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
}
