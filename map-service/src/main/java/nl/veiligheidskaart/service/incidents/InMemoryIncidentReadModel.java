package nl.veiligheidskaart.service.incidents;

import java.time.Instant;
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
 * wait for it rather than see the old data. Indexes are immutable and replaced whole; after an
 * import that only appended rows the next one is built from the current one and those rows.
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
  /** Read after each index, from the same store: the incidents with a window ({@link IncidentWindows}). */
  private CompletableFuture<IncidentWindows> currentWindows;

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
  public IncidentTimeWindows timeWindows(IncidentQuery query) {
    IncidentIndex index = index();
    CompletableFuture<IncidentWindows> windows;
    synchronized (this) {
      windows = currentWindows;
    }
    return join(windows).withMoments(index.locations(query).occurredAtMillis(), query);
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
        load(CompletableFuture.supplyAsync(this::read, loading));
      }
      index = current;
    }
    return join(index);
  }

  private static <T> T join(CompletableFuture<T> loaded) {
    try {
      return loaded.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
    }
  }

  /**
   * Reads the incidents again after a committed change: only the rows after the current index's
   * last one when the change only appended and the index is that change's predecessor, else all.
   */
  @EventListener
  void dataChanged(DataChangedEvent event) {
    if (event.layer().equals("incidents")) {
      synchronized (this) {
        CompletableFuture<IncidentIndex> previous = current;
        Long appendedAfter = event.appendedAfter();
        load(previous == null || appendedAfter == null ? CompletableFuture.supplyAsync(this::read, loading)
            : previous.handleAsync((index, failure) -> index != null && index.lastId() == appendedAfter
                ? append(index) : read(), loading));
      }
    }
  }

  /** Makes {@code next} the current index; once read, it orders its incidents for the analyses in the background. */
  private void load(CompletableFuture<IncidentIndex> next) {
    current = next;
    currentWindows = next.thenApplyAsync(index -> readWindows(), loading);
    next.thenAcceptAsync(index -> {
      long started = System.nanoTime();
      index.prepareAnalyses();
      LOG.info("Ordered {} incidents by time for the analyses in {} ms ({} bytes each)", index.size(),
          (System.nanoTime() - started) / 1_000_000, index.size() == 0 ? 0 : index.bytes() / index.size());
    }, loading);
  }

  private IncidentIndex read() {
    long started = System.nanoTime();
    IncidentIndex.Builder builder = IncidentIndex.builder();
    readRows(builder, 0);
    IncidentIndex index = builder.build();
    LOG.info("Indexed {} incidents for the map layers in {} ms ({} bytes each)", index.size(),
        (System.nanoTime() - started) / 1_000_000, index.size() == 0 ? 0 : index.bytes() / index.size());
    return index;
  }

  /** The index with the rows appended after its last one, built from its own arrays (nothing projected again). */
  private IncidentIndex append(IncidentIndex previous) {
    long started = System.nanoTime();
    IncidentIndex.Builder builder = previous.toBuilder();
    int added = readRows(builder, previous.lastId());
    IncidentIndex index = builder.build();
    LOG.info("Added {} incidents to the index of {} in {} ms", added, previous.size(),
        (System.nanoTime() - started) / 1_000_000);
    return index;
  }

  /** The incidents with a window: an occurred_to, or a date without a time. */
  private IncidentWindows readWindows() {
    IncidentWindows windows = new IncidentWindows();
    readOnly.executeWithoutResult(status -> jdbc.query("""
        SELECT category, municipality_code, occurred_at, occurred_at_has_time, occurred_to FROM incident
        WHERE occurred_to IS NOT NULL OR occurred_at_has_time = FALSE""", row -> {
          Instant at = row.getObject("occurred_at", OffsetDateTime.class).toInstant();
          OffsetDateTime to = row.getObject("occurred_to", OffsetDateTime.class);
          windows.add(row.getString("category"), row.getString("municipality_code"), at.toEpochMilli(),
              IncidentTimeWindows.end(at, row.getBoolean("occurred_at_has_time"), to == null ? null : to.toInstant()));
        }));
    LOG.info("Read {} incidents with a time window ({} bytes beside the index)", windows.size(), windows.bytes());
    return windows;
  }

  /** Adds the incidents with ids above {@code afterId} to the builder; how many. */
  private int readRows(IncidentIndex.Builder builder, long afterId) {
    int[] count = {0};
    readOnly.executeWithoutResult(status -> jdbc.query("""
        SELECT id, source_id, category, occurred_at, demo, municipality_code, ST_X(geometry) AS x,
          ST_Y(geometry) AS y
        FROM incident WHERE id > ?""", row -> {
          double x = row.getDouble("x");
          double y = row.getDouble("y");
          Coordinate mercator = IncidentMercator.of(x, y);
          builder.add(row.getString("source_id"), row.getString("category"),
              row.getObject("occurred_at", OffsetDateTime.class).toInstant(), row.getBoolean("demo"),
              row.getString("municipality_code"), x, y, mercator.x, mercator.y).stored(row.getLong("id"));
          count[0]++;
        }, afterId));
    return count[0];
  }
}
