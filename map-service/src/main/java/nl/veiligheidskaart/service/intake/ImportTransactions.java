package nl.veiligheidskaart.service.intake;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import nl.veiligheidskaart.service.api.ConflictException;
import nl.veiligheidskaart.service.api.ImportReport;
import nl.veiligheidskaart.service.store.DataChangedEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs each import in one transaction: committed when the file may be stored, rolled back when
 * strict mode saw a bad row or anything failed, so the store is never half-written. One import
 * of a layer runs at a time: two upserting the same rows at once would fail one of them with a
 * database conflict after all its work, so the second is refused at once with 409.
 */
@Component
class ImportTransactions {

  private final TransactionTemplate transaction;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final Map<String, ReentrantLock> running = new ConcurrentHashMap<>();

  ImportTransactions(PlatformTransactionManager transactions, Clock clock, ApplicationEventPublisher events) {
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
    this.events = events;
  }

  /** Runs the import of any number of rows (streamed to the store). */
  <T> ImportReport run(String layer, ImportMode mode, Consumer<ImportRun<T>> body) {
    return run(layer, mode, Long.MAX_VALUE, body);
  }

  /**
   * Runs the import, refusing the file at its row {@code maxRows + 1}; after a commit that stored
   * rows, tells the map layers their data changed.
   */
  <T> ImportReport run(String layer, ImportMode mode, long maxRows, Consumer<ImportRun<T>> body) {
    ReentrantLock lock = running.computeIfAbsent(layer, name -> new ReentrantLock());
    if (!lock.tryLock()) {
      throw new ConflictException("An import of " + layer + " is running; send this file when it has finished");
    }
    ImportRun<T> run = new ImportRun<>(mode, clock, maxRows);
    ImportReport report;
    try {
      report = transaction.execute(status -> {
        body.accept(run);
        if (run.mustRollBack()) {
          status.setRollbackOnly();
        }
        return run.report();
      });
    } finally {
      lock.unlock();
    }
    if (report.accepted() > 0 && !(mode == ImportMode.STRICT && report.errorCount() > 0)) {
      events.publishEvent(new DataChangedEvent(layer, run.appendedAfter()));
    }
    return report;
  }
}
