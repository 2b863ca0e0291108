package nl.veiligheidskaart.service.security;

import java.time.Duration;
import org.springframework.security.authentication.LockedException;

/** Sign-ins for this account or from this address are refused for a while after too many failures: 429. */
public class SignInThrottledException extends LockedException {

  private final Duration retryAfter;

  SignInThrottledException(Duration retryAfter) {
    super("Too many failed sign-ins for this account or from this address; try again in "
        + seconds(retryAfter) + " s.");
    this.retryAfter = retryAfter;
  }

  /** Whole seconds until a sign-in is checked again, at least one. */
  public long retryAfterSeconds() {
    return seconds(retryAfter);
  }

  private static long seconds(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }
}
