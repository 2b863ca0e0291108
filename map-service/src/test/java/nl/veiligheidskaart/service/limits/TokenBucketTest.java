package nl.veiligheidskaart.service.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void aFullBucketGivesItsBurstThenOneTokenPerRefillInterval() {
    TokenBucket bucket = new TokenBucket(3, Duration.ofMinutes(1), 0);
    assertThat(bucket.take(0)).isZero();
    assertThat(bucket.take(0)).isZero();
    assertThat(bucket.take(0)).isZero();
    assertThat(seconds(bucket.take(0))).as("empty: a token comes every 20 s").isCloseTo(20, within(1e-6));
    assertThat(seconds(bucket.take(15 * SECOND))).isCloseTo(5, within(1e-6));
    assertThat(bucket.take(20 * SECOND)).isZero();
    assertThat(seconds(bucket.take(20 * SECOND))).isCloseTo(20, within(1e-6));
  }

  @Test
  void aLongPauseRefillsNoMoreThanTheCapacity() {
    TokenBucket bucket = new TokenBucket(2, Duration.ofMinutes(1), 0);
    bucket.take(0);
    bucket.take(0);
    long anHourLater = 3_600 * SECOND;
    assertThat(bucket.take(anHourLater)).isZero();
    assertThat(bucket.take(anHourLater)).isZero();
    assertThat(bucket.take(anHourLater)).isPositive();
  }

  private static double seconds(Duration wait) {
    return wait.toNanos() / 1e9;
  }
}
