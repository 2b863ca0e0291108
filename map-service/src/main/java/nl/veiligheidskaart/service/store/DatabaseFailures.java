package nl.veiligheidskaart.service.store;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Tells a database that is down or restarting from other failures. */
public final class DatabaseFailures {

  private DatabaseFailures() {
  }

  /**
   * Whether the database could not be reached, wherever in the cause chain it shows: a failed
   * import's rollback, for one, fails again on the dead connection and hides the first cause.
   * SQLSTATE class 08 is a connection exception, 57P an operator intervention (shutdown).
   */
  public static boolean unreachable(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
          || cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
          || cause instanceof ConnectException
          || cause instanceof SQLException sql && sql.getSQLState() != null
              && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
        return true;
      }
    }
    return false;
  }
}
