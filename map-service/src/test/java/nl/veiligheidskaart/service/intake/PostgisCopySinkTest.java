package nl.veiligheidskaart.service.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import nl.veiligheidskaart.service.OnPostgis;
import nl.veiligheidskaart.service.intake.Fixtures.StoredIncident;
import nl.veiligheidskaart.service.store.IncidentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The PostGIS acceleration (COPY into a staging table, then one upsert) stores exactly what the
 * portable JDBC batch path stores, for new rows and for updates, awkward text included.
 */
@OnPostgis
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "veiligheidskaart.demo-data=false")
class PostgisCopySinkTest {


  @Autowired IncidentSinks sinks;
  @Autowired IncidentRepository incidents;
  @Autowired PlatformTransactionManager transactions;

  static final List<IncidentRecord> FIRST = List.of(
      new IncidentRecord("A-1", "woninginbraak", Instant.parse("2024-03-01T20:30:00Z"), true, null, "address", "GM0200",
          194215, 469380, Map.of("modus", "raam, \"geforceerd\"\nen deur"), false),
      new IncidentRecord("A-2", "jeugdoverlast", Instant.parse("2024-03-01T23:00:00Z"), false, null, null, "GM0193",
          203300.5, 502300.25, Map.of(), true),
      new IncidentRecord("A-3", "omg", Instant.parse("2023-07-01T12:00:00.123456Z"), true, null, "exact", "GM0153",
          258000.125, 471000.875, Map.of("bron", "", "café", "ü"), false));

  /** A-1 changed, A-2 unchanged, A-3 unchanged, A-4 new. */
  static final List<IncidentRecord> SECOND = List.of(
      new IncidentRecord("A-1", "jeugdoverlast", Instant.parse("2024-03-01T21:30:00Z"), true, null, "street", "GM0200",
          194300, 469400, Map.of(), false),
      FIRST.get(1), FIRST.get(2),
      new IncidentRecord("A-4", "hennep", Instant.parse("2024-05-01T08:00:00Z"), true,
          Instant.parse("2024-05-01T10:00:00Z"), null, "GM0150",
          216000, 474000, Map.of("planten", "1200"), false));

  @BeforeEach
  @AfterEach
  void empty() {
    incidents.deleteAllInBatch();
  }

  @Test
  void copyAndBatchStoreTheSameRows() {
    List<StoredIncident> viaCopy = writeTwice(sinks::open);
    incidents.deleteAllInBatch();
    List<StoredIncident> viaBatches = writeTwice(sinks::portable);

    assertThat(viaCopy).hasSize(4).isEqualTo(viaBatches);
    assertThat(viaCopy.get(0).category()).isEqualTo("jeugdoverlast");
    assertThat(viaCopy.get(0).attributes()).isEmpty();
    assertThat(viaCopy.get(2).point()).isEqualTo("POINT (258000.125 471000.875)");
  }

  private List<StoredIncident> writeTwice(Supplier<IncidentSink> sink) {
    write(sink, FIRST);
    write(sink, SECOND);
    return Fixtures.stored(incidents).stream().map(StoredIncident::withoutId).toList();
  }

  private void write(Supplier<IncidentSink> opener, List<IncidentRecord> records) {
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      try (IncidentSink sink = opener.get()) {
        records.forEach(sink::add);
        sink.finish();
      }
    });
  }
}
