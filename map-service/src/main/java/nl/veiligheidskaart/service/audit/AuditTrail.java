package nl.veiligheidskaart.service.audit;

import jakarta.annotation.PreDestroy;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import nl.veiligheidskaart.service.store.DatabaseFailures;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores audit entries with group commit: one writer takes every entry waiting at that moment and
 * inserts them as one JDBC batch in one transaction, while each request waits until its own entry
 * is stored. Under load many requests share a commit, so auditing every tile stays cheap; no access
 * goes unaudited, because a request whose entry could not be stored fails.
 */
@Component
class AuditTrail {

  private static final int MAX_BATCH = 1_000;
  private static final long STORE_TIMEOUT_SECONDS = 30;
  /** After the database was found unreachable, entries are refused at once for this long, not each after a wait. */
  private static final long UNREACHABLE_NANOS = 5_000_000_000L;
  private static final String INSERT = "INSERT INTO audit_entry (accessed_at, username, role, method, endpoint, "
      + "parameters, area, period, status, result_rows, result_bytes, event, detail) "
      + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private record Pending(AuditEntryEntity entry, CompletableFuture<Void> stored) {
  }

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final BlockingQueue<Pending> waiting = new LinkedBlockingQueue<>(100_000);
  private final Thread writer;
  private volatile long unreachableUntil = System.nanoTime();

  AuditTrail(DataSource dataSource, PlatformTransactionManager transactions) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.transaction = new TransactionTemplate(transactions);
    this.writer = new Thread(this::writeBatches, "audit-trail");
    this.writer.setDaemon(true);
    this.writer.start();
  }

  /**
   * Returns once the entry is stored.
   *
   * @throws IllegalStateException when it could not be stored (the request must then fail)
   */
  void store(AuditEntryEntity entry) {
    if (System.nanoTime() - unreachableUntil < 0) {
      throw new IllegalStateException("The audit trail's database cannot be reached just now");
    }
    Pending pending = new Pending(entry, new CompletableFuture<>());
    try {
      if (!waiting.offer(pending, STORE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new IllegalStateException("The audit trail is not keeping up; the access is refused");
      }
      pending.stored().get(STORE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while storing the audit entry", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("The audit entry could not be stored", e);
    }
  }

  private void insert(List<Pending> entries) {
    transaction.executeWithoutResult(status -> jdbc.batchUpdate(INSERT, entries, entries.size(), (statement, p) -> {
      AuditEntryEntity entry = p.entry();
      statement.setObject(1, entry.getAccessedAt().atOffset(ZoneOffset.UTC));
      statement.setString(2, entry.getUsername());
      statement.setString(3, entry.getRole());
      statement.setString(4, entry.getMethod());
      statement.setString(5, entry.getEndpoint());
      statement.setString(6, entry.getParameters());
      statement.setString(7, entry.getArea());
      statement.setString(8, entry.getPeriod());
      statement.setInt(9, entry.getStatus());
      statement.setObject(10, entry.getResultRows(), Types.BIGINT);
      statement.setLong(11, entry.getResultBytes());
      statement.setString(12, entry.getEvent());
      statement.setString(13, entry.getDetail());
    }));
  }

  @PreDestroy
  void stop() {
    writer.interrupt();
  }

  private void writeBatches() {
    List<Pending> batch = new ArrayList<>();
    while (!Thread.currentThread().isInterrupted()) {
      try {
        batch.add(waiting.take());
      } catch (InterruptedException e) {
        return;
      }
      waiting.drainTo(batch, MAX_BATCH - 1);
      try {
        insert(batch);
        batch.forEach(p -> p.stored().complete(null));
      } catch (RuntimeException batchFailed) {
        if (DatabaseFailures.unreachable(batchFailed)) {
          unreachableUntil = System.nanoTime() + UNREACHABLE_NANOS;
          batch.forEach(p -> p.stored().completeExceptionally(batchFailed));
          batch.clear();
          continue;
        }
        // One bad entry must not fail the others' requests: store them one by one.
        for (Pending pending : batch) {
          try {
            insert(List.of(pending));
            pending.stored().complete(null);
          } catch (RuntimeException e) {
            pending.stored().completeExceptionally(e);
          }
        }
      }
      batch.clear();
    }
  }
}
