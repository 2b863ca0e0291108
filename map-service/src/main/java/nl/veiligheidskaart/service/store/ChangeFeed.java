package nl.veiligheidskaart.service.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NavigableSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListSet;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tells every replica of the service on one database of every change to the store, so that each
 * one's in-memory incident index, tile cache, layer caches and remembered password checks follow
 * within a second. Each import ({@link DataChangedEvent}) and account change
 * ({@link AccountChangedEvent}) is a row of the table {@code store_change}; every replica reads
 * the rows after the last one it saw four times a second and publishes each change another
 * replica made as the same event in its own process, so every listener reacts as to a change
 * made here.
 * <p>
 * A table polled by sequence rather than PostgreSQL's LISTEN/NOTIFY: a notification sent while a
 * replica's connection was down (a database restart, a network hiccup) is gone for good, while a
 * row waits until the replica reads again; the same table works on the embedded H2GIS; and a
 * small indexed query four times a second costs nothing. Sequence numbers are handed out when a
 * row is written but become visible at commit, so a later number can be seen before an earlier
 * one: rows of the last minute are read again, and those already applied are skipped.
 * <p>
 * An account change is written in the transaction that makes it, so it is announced exactly when
 * it counts. An import is announced right after its commit (its event is published then): a
 * replica that dies between the two leaves the others to learn of the import with the next change.
 */
@Component
// It reads its table when it is made: after the migrations.
@DependsOnDatabaseInitialization
public class ChangeFeed {

  static final String DATA = "data";
  static final String ACCOUNT = "account";
  /** Longer than any transaction that writes a change row takes from its number to its commit. */
  private static final Duration LATE_COMMITS = Duration.ofMinutes(1);
  private static final Duration KEPT_FOR = Duration.ofDays(1);
  private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);

  private record Change(long seq, String kind, String subject, String origin, Long appendedAfter) {
  }

  private final JdbcTemplate jdbc;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  /** This process among the replicas. */
  private final String origin = UUID.randomUUID().toString();
  /** The changes seen lately, so that one read again is not applied twice. */
  private final NavigableSet<Long> seen = new ConcurrentSkipListSet<>();
  /** Set while a change of another replica is published here, so that it is not written back. */
  private final ThreadLocal<Boolean> replaying = ThreadLocal.withInitial(() -> false);
  private volatile long last;
  private volatile boolean unreachable;
  private Instant pruned = Instant.EPOCH;

  ChangeFeed(DataSource dataSource, ApplicationEventPublisher events, Clock clock) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.events = events;
    this.clock = clock;
    // What happened before this replica started it reads from the store anyway.
    for (Change change : changesAfter(0)) {
      seen.add(change.seq());
    }
    Long newest = jdbc.queryForObject("SELECT max(seq) FROM store_change", Long.class);
    this.last = newest == null ? 0 : newest;
  }

  @EventListener
  void dataChanged(DataChangedEvent event) {
    if (replaying.get()) {
      return;
    }
    try {
      record(DATA, event.layer(), event.appendedAfter());
    } catch (RuntimeException failed) {
      // The import is committed and answered: it must not fail now. The other replicas see it with the next change.
      LOG.warn("The import of {} could not be announced to the other replicas", event.layer(), failed);
    }
  }

  /** Written in the transaction of the account change: both are stored, or neither. */
  @EventListener
  void accountChanged(AccountChangedEvent event) {
    if (!replaying.get()) {
      record(ACCOUNT, event.username(), null);
    }
  }

  /** Publishes here what other replicas changed since the last look, each layer and account once. */
  @Scheduled(fixedDelay = 250)
  void poll() {
    List<Change> changes;
    try {
      changes = changesAfter(last);
    } catch (RuntimeException failed) {
      if (!unreachable) {
        LOG.warn("The change feed cannot be read; the other replicas' changes wait until it can: {}",
            failed.getMessage());
      }
      unreachable = DatabaseFailures.unreachable(failed);
      return;
    }
    unreachable = false;
    Set<Object> remote = new LinkedHashSet<>();
    for (Change change : changes) {
      if (seen.add(change.seq()) && !change.origin().equals(origin)) {
        remote.add(change.kind().equals(ACCOUNT) ? new AccountChangedEvent(change.subject())
            : new DataChangedEvent(change.subject(), change.appendedAfter()));
      }
      last = Math.max(last, change.seq());
    }
    seen.headSet(changes.isEmpty() ? last + 1 : changes.get(0).seq()).clear();
    replaying.set(true);
    try {
      for (Object change : remote) {
        try {
          events.publishEvent(change);
        } catch (RuntimeException failed) {
          // one listener's failure must not keep the other changes from the other listeners
          LOG.error("A change from another replica was not applied everywhere: {}", change, failed);
        }
      }
    } finally {
      replaying.set(false);
    }
    if (!remote.isEmpty()) {
      LOG.info("Changes from other replicas: {}", remote);
    }
    prune();
  }

  private void record(String kind, String subject, Long appendedAfter) {
    jdbc.update("INSERT INTO store_change (kind, subject, origin, changed_at, appended_after) VALUES (?, ?, ?, ?, ?)",
        kind, subject, origin, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), appendedAfter);
  }

  private List<Change> changesAfter(long seq) {
    return jdbc.query(
        "SELECT seq, kind, subject, origin, appended_after FROM store_change WHERE seq > ? OR changed_at > ? "
            + "ORDER BY seq",
        (row, n) -> new Change(row.getLong("seq"), row.getString("kind"), row.getString("subject"),
            row.getString("origin"), row.getObject("appended_after", Long.class)),
        seq, OffsetDateTime.ofInstant(clock.instant().minus(LATE_COMMITS), ZoneOffset.UTC));
  }

  /** Once an hour, forgets the changes of more than a day ago: a replica that starts reads the store afresh. */
  private void prune() {
    Instant now = clock.instant();
    if (Duration.between(pruned, now).compareTo(Duration.ofHours(1)) > 0) {
      jdbc.update("DELETE FROM store_change WHERE changed_at < ?",
          OffsetDateTime.ofInstant(now.minus(KEPT_FOR), ZoneOffset.UTC));
      pruned = now;
    }
  }
}
