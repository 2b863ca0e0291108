package nl.veiligheidskaart.service.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import nl.veiligheidskaart.service.config.VeiligheidskaartProperties;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per user name and per client address in a sliding window, and refuses
 * further password checks of either for a while once there are too many: guessing passwords
 * becomes slow, and refused attempts cost no bcrypt. Counted per replica (in memory).
 */
@Component
class SignInThrottle {

  private final VeiligheidskaartProperties.SignIn limits;
  private final Clock clock;
  private final Cache<String, Failures> byAccount;
  private final Cache<String, Failures> byAddress;

  SignInThrottle(VeiligheidskaartProperties properties, Clock clock) {
    this.limits = properties.signIn();
    this.clock = clock;
    this.byAccount = Caffeine.newBuilder().expireAfterAccess(limits.window()).maximumSize(100_000).build();
    this.byAddress = Caffeine.newBuilder().expireAfterAccess(limits.window()).maximumSize(100_000).build();
  }

  /**
   * @param address the client's address, null when not known
   * @throws SignInThrottledException when the account or the address has had too many failures of late
   */
  void check(String username, String address) {
    Instant now = clock.instant();
    Duration wait = max(wait(byAccount, key(username), limits.accountFailures(), now),
        address == null ? Duration.ZERO : wait(byAddress, address, limits.addressFailures(), now));
    if (!wait.isZero()) {
      throw new SignInThrottledException(wait);
    }
  }

  void failed(String username, String address) {
    Instant now = clock.instant();
    byAccount.get(key(username), name -> new Failures()).add(now, limits.accountFailures());
    if (address != null) {
      byAddress.get(address, name -> new Failures()).add(now, limits.addressFailures());
    }
  }

  /** A correct password forgives the account's earlier failures (not the address's). */
  void succeeded(String username) {
    byAccount.invalidate(key(username));
  }

  private Duration wait(Cache<String, Failures> failures, String key, int limit, Instant now) {
    Failures recent = failures.getIfPresent(key);
    return recent == null ? Duration.ZERO : recent.wait(now, limits.window(), limit);
  }

  private static String key(String username) {
    return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** The times of the latest failures, at most as many as the limit. */
  private static final class Failures {
    private final Deque<Instant> times = new ArrayDeque<>();

    synchronized void add(Instant now, int limit) {
      times.addLast(now);
      while (times.size() > limit) {
        times.removeFirst();
      }
    }

    /** Zero while fewer than {@code limit} failures lie within the window; else until the oldest leaves it. */
    synchronized Duration wait(Instant now, Duration window, int limit) {
      Instant start = now.minus(window);
      while (!times.isEmpty() && !times.peekFirst().isAfter(start)) {
        times.removeFirst();
      }
      return times.size() < limit ? Duration.ZERO : Duration.between(start, times.peekFirst());
    }
  }
}
