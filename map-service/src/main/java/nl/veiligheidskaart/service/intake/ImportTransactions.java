package nl.veiligheidskaart.service.intake;

import java.time.Clock;
import java.util.function.Consumer;
import nl.veiligheidskaart.service.api.ImportReport;
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

  ImportTransactions(PlatformTransactionManager transactions, Clock clock) {
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  <T> ImportReport run(ImportMode mode, Consumer<ImportRun<T>> body) {
    return transaction.execute(status -> {
      ImportRun<T> run = new ImportRun<>(mode, clock);
      body.accept(run);
      if (run.mustRollBack()) {
        status.setRollbackOnly();
      }
      return run.report();
    });
  }
}
