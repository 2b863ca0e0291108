package nl.veiligheidskaart.service.incidents;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javax.sql.DataSource;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.geodata.crs.CrsTransform;
import nl.veiligheidskaart.service.store.DataChangedEvent;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The read model of the incidents in memory (the default, see {@link IncidentReadModel}): every
 * question is answered by the current {@link IncidentIndex}. The index is read from the database on
 * first use and read again, in the background, as soon as a change of the incidents committed
 * ({@link DataChangedEvent} of layer {@code incidents}); until the new index is complete, readers
 * wait for it rather than see the old data. Indexes are immutable and replaced whole, so a future
 * incremental update builds the next one and swaps it in the same way.
 */
@Component
@ConditionalOnProperty(name = "veiligheidskaart.incident-read-model", havingValue = "memory", matchIfMissing = true)
public class InMemoryIncidentReadModel implements IncidentReadModel {

  private static final Logger LOG = LoggerFactory.getLogger(InMemoryIncidentReadModel.class);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate readOnly;
  private final ExecutorService loading = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "incident-index");
    thread.setDaemon(true);
    return thread;
  });
  private CompletableFuture<IncidentIndex> current;

  InMemoryIncidentReadModel(DataSource dataSource, PlatformTransactionManager transactions) {
    this.jdbc = new JdbcTemplate(dataSource);
    // PostgreSQL streams with a cursor only inside a transaction and with a fetch size.
    this.jdbc.setFetchSize(10_000);
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
  }

  @Override
  public Map<String, Map<String, Long>> countsByMunicipalityAndCategory(IncidentQuery query) {
    return index().countsByMunicipalityAndCategory(query);
  }

  @Override
  public Map<String, Long> countsByMunicipality(IncidentQuery query) {
    return index().countsByMunicipality(query);
  }

  @Override
  public Map<YearMonth, Long> countsByMonth(IncidentQuery query) {
    return index().countsByMonth(query);
  }

  @Override
  public int[] countCells(Crs crs, Envelope extent, IncidentQuery query, int side) {
    return index().countCells(crs, extent, query, side);
  }

  @Override
  public void forEachInExtent(Crs crs, Envelope extent, IncidentQuery query, Consumer<MapIncident> action) {
    index().forEachInExtent(crs, extent, query, action);
  }

  @Override
  public IncidentLocations locations(IncidentQuery query) {
    return index().locations(query);
  }

  @Override
  public Optional<TimeSpan> timeSpan() {
    return index().timeSpan();
  }

  @Override
  public boolean containsDemo() {
    return index().containsDemo();
  }

  /** The index of the store as it is now; waits while it is being read. */
  IncidentIndex index() {
    CompletableFuture<IncidentIndex> index;
    synchronized (this) {
      if (current == null || current.isCompletedExceptionally()) {
        current = CompletableFuture.supplyAsync(this::read, loading);
      }
      index = current;
    }
    try {
      return index.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
    }
  }

  @EventListener
  void dataChanged(DataChangedEvent event) {
    if (event.layer().equals("incidents")) {
      synchronized (this) {
        current = CompletableFuture.supplyAsync(this::read, loading);
      }
    }
  }

  private IncidentIndex read() {
    long started = System.nanoTime();
    IncidentIndex.Builder builder = IncidentIndex.builder();
    readOnly.executeWithoutResult(status -> jdbc.query("""
        SELECT source_id, category, occurred_at, demo, municipality_code, ST_X(geometry) AS x, ST_Y(geometry) AS y
        FROM incident""", row -> {
          double x = row.getDouble("x");
          double y = row.getDouble("y");
          Coordinate mercator = CrsTransform.transform(new Coordinate(x, y), Crs.RD_NEW, Crs.WEB_MERCATOR);
          builder.add(row.getString("source_id"), row.getString("category"),
              row.getObject("occurred_at", OffsetDateTime.class).toInstant(), row.getBoolean("demo"),
              row.getString("municipality_code"), x, y, mercator.x, mercator.y);
        }));
    IncidentIndex index = builder.build();
    LOG.info("Indexed {} incidents for the map layers in {} ms", index.size(),
        (System.nanoTime() - started) / 1_000_000);
    return index;
  }
}
