package nl.veiligheidskaart.service.intake;

import java.time.Clock;
import java.util.function.Consumer;
import nl.veiligheidskaart.service.api.ImportReport;
import nl.veiligheidskaart.service.store.DataChangedEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs each import in one transaction: committed when the file may be stored, rolled back when
 * strict mode saw a bad row or anything failed, so the store is never half-written.
 */
@Component
class ImportTransactions {

  private final TransactionTemplate transaction;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  ImportTransactions(PlatformTransactionManager transactions, Clock clock, ApplicationEventPublisher events) {
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
    this.events = events;
  }

  /** Runs the import; after a commit that stored rows, tells the map layers their data changed. */
  <T> ImportReport run(String layer, ImportMode mode, Consumer<ImportRun<T>> body) {
    ImportReport report = transaction.execute(status -> {
      ImportRun<T> run = new ImportRun<>(mode, clock);
      body.accept(run);
      if (run.mustRollBack()) {
        status.setRollbackOnly();
      }
      return run.report();
    });
    if (report.accepted() > 0 && !(mode == ImportMode.STRICT && report.errorCount() > 0)) {
      events.publishEvent(new DataChangedEvent(layer));
    }
    return report;
  }
}
