package nl.veiligheidskaart.service.limits;

import java.time.Duration;
import nl.veiligheidskaart.service.api.DeadlineExceededException;

/**
 * The time one analysis, snapshot or briefing may take on the server. Long work asks between its
 * steps and stops once the request is past its deadline. The check only reads the clock: the
 * thread is never interrupted, since an interrupt during H2's file access closes the database.
 */
public final class RequestDeadline {

  private static final ThreadLocal<Deadline> CURRENT = new ThreadLocal<>();

  private record Deadline(long endsAtNanos, Duration budget) {
  }

  private RequestDeadline() {
  }

  static void begin(Duration budget) {
    CURRENT.set(new Deadline(System.nanoTime() + budget.toNanos(), budget));
  }

  static void end() {
    CURRENT.remove();
  }

  /** Throws when the request this thread works for is past its deadline; without one, does nothing. */
  public static void check() {
    Deadline deadline = CURRENT.get();
    if (deadline != null && System.nanoTime() - deadline.endsAtNanos() > 0) {
      throw new DeadlineExceededException(deadline.budget());
    }
  }
}
