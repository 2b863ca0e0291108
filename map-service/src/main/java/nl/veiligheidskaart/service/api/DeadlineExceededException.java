package nl.veiligheidskaart.service.api;

import java.time.Duration;

/** A request's work took longer than the server allows it; answered as 503, its work stopped. */
public class DeadlineExceededException extends RuntimeException {

  private final Duration budget;

  public DeadlineExceededException(Duration budget) {
    super("The request took longer than the " + budget.toSeconds() + " s one may take (veiligheidskaart.limits."
        + "request-deadline); its work was stopped. Narrow it: a shorter period, a smaller area or larger cells.");
    this.budget = budget;
  }

  public Duration budget() {
    return budget;
  }
}
