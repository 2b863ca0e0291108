package nl.veiligheidskaart.service.limits;

import java.time.Duration;

/**
 * A token bucket: up to {@code capacity} requests at once, refilled evenly at {@code capacity}
 * per {@code period}. Time is passed in (nanoseconds from any fixed origin), so it is testable
 * without sleeping. Thread-safe.
 */
final class TokenBucket {

  private final double capacity;
  private final double tokensPerNano;
  private double tokens;
  private long updatedAt;

  TokenBucket(int capacity, Duration period, long now) {
    this.capacity = capacity;
    this.tokensPerNano = capacity / (double) period.toNanos();
    this.tokens = capacity;
    this.updatedAt = now;
  }

  /**
   * Takes one token.
   *
   * @return zero when taken; otherwise how long until a token is there (nothing is taken)
   */
  synchronized Duration take(long now) {
    tokens = Math.min(capacity, tokens + (now - updatedAt) * tokensPerNano);
    updatedAt = now;
    if (tokens >= 1) {
      tokens -= 1;
      return Duration.ZERO;
    }
    return Duration.ofNanos((long) Math.ceil((1 - tokens) / tokensPerNano));
  }
}
