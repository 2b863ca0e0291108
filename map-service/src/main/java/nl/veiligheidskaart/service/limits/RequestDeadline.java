package nl.veiligheidskaart.service.limits;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import nl.veiligheidskaart.service.api.ClientGoneException;
import nl.veiligheidskaart.service.api.DeadlineExceededException;

/**
 * The time one analysis, snapshot or briefing may take on the server, and whether anyone still
 * waits for it. Long work asks between its steps and stops once the request is past its deadline
 * or its client has hung up. The check only reads the clock and peeks at the socket: the thread is
 * never interrupted, since an interrupt during H2's file access closes the database.
 */
public final class RequestDeadline {

  private static final ThreadLocal<Deadline> CURRENT = new ThreadLocal<>();

  private record Deadline(long endsAtNanos, Duration budget, BooleanSupplier clientGone) {
  }

  private RequestDeadline() {
  }

  static void begin(Duration budget, BooleanSupplier clientGone) {
    CURRENT.set(new Deadline(System.nanoTime() + budget.toNanos(), budget, clientGone));
  }

  static void end() {
    CURRENT.remove();
  }

  /**
   * Throws when the request this thread works for is past its deadline or its client is gone;
   * without one, does nothing.
   */
  public static void check() {
    Deadline deadline = CURRENT.get();
    if (deadline == null) {
      return;
    }
    if (System.nanoTime() - deadline.endsAtNanos() > 0) {
      throw new DeadlineExceededException(deadline.budget());
    }
    if (deadline.clientGone().getAsBoolean()) {
      throw new ClientGoneException();
    }
  }
}
