package nl.veiligheidskaart.service.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Aoristic weights per weekday and hour, worked out by hand. */
class AoristicProfileTest {

  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  @Test
  void eachIncidentIsSpreadEvenlyOverTheHoursOfItsWindow() {
    long[] starts = {
        millis("2025-03-05T14:30"),  // Wednesday, a known moment
        millis("2025-03-07T17:00"),  // Friday 17:00 to Monday 08:00: 63 hours
        millis("2025-03-12T14:30"),  // Wednesday, half an hour in 14:00 and half in 15:00
        millis("2025-03-30T00:00")}; // Sunday, a date: the day summer time began has 23 hours
    long[] ends = {starts[0], millis("2025-03-10T08:00"), millis("2025-03-12T15:30"), millis("2025-03-31T00:00")};

    double[][] weights = AoristicProfile.weekdayHour(starts, ends, AMSTERDAM);

    double weekend = 1.0 / 63;
    double sunday = 1.0 / 23;
    assertThat(weights[2][14]).isCloseTo(1 + 0.5, within(1e-12));
    assertThat(weights[2][15]).isCloseTo(0.5, within(1e-12));
    assertThat(weights[4][16]).isZero();
    assertThat(weights[4][17]).isCloseTo(weekend, within(1e-12));
    assertThat(weights[4][23]).isCloseTo(weekend, within(1e-12));
    assertThat(weights[5][0]).isCloseTo(weekend, within(1e-12));
    assertThat(weights[6][2]).as("30 March 2025 had no 02:00: only the weekend adds").isCloseTo(weekend, within(1e-12));
    assertThat(weights[6][3]).isCloseTo(weekend + sunday, within(1e-12));
    assertThat(weights[0][7]).isCloseTo(weekend, within(1e-12));
    assertThat(weights[0][8]).isZero();
    double total = Arrays.stream(weights).flatMapToDouble(Arrays::stream).sum();
    assertThat(total).isCloseTo(4, within(1e-12));
  }

  @Test
  void theHourRepeatedInAutumnGetsBothOfItsHalves() {
    // 26 October 2025: 02:00-03:00 happens twice; 01:00 to 04:00 on the clock lasts four hours
    long start = millis("2025-10-26T01:00");
    long end = millis("2025-10-26T04:00");

    double[][] weights = AoristicProfile.weekdayHour(new long[] {start}, new long[] {end}, AMSTERDAM);

    assertThat(weights[6][1]).isCloseTo(0.25, within(1e-12));
    assertThat(weights[6][2]).isCloseTo(0.5, within(1e-12));
    assertThat(weights[6][3]).isCloseTo(0.25, within(1e-12));
  }

  private static long millis(String local) {
    return LocalDateTime.parse(local).atZone(AMSTERDAM).toInstant().toEpochMilli();
  }
}
