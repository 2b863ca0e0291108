package nl.veiligheidskaart.service.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import nl.veiligheidskaart.service.analysis.EmergingHotSpots.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every category rule, with bins per step (oldest first) and the trend given as data. */
class EmergingHotSpotsTest {

  static int[] bins(String text) {
    return text.chars().map(c -> switch (c) {
      case 'H' -> 2;
      case 'C' -> -2;
      default -> 0;
    }).toArray();
  }

  @ParameterizedTest(name = "{0} with trend z={1}, p={2} is {3}")
  @CsvSource({
      // the final step alone is hot
      ".........H,    0.0, 1.0,  NEW_HOT_SPOT",
      // a run of two or more hot steps at the end, never hot before, under 90 %
      "......HHHH,    2.0, 0.01, CONSECUTIVE_HOT_SPOT",
      // hot in at least 90 % of the steps, the final one included, and the trend decides
      "HHHHHHHHHH,    3.0, 0.001, INTENSIFYING_HOT_SPOT",
      ".HHHHHHHHH,   -2.5, 0.01, DIMINISHING_HOT_SPOT",
      "HHHHHHHHHH,    0.5, 0.60, PERSISTENT_HOT_SPOT",
      // on and off, never cold, hot at the end
      "H..H..H..H,    0.0, 1.0,  SPORADIC_HOT_SPOT",
      // hot at the end after having been cold
      "CC....H..H,    1.0, 0.3,  OSCILLATING_HOT_SPOT",
      // not hot at the end, but hot in 90 % of the steps
      "HHHHHHHHH.,   -1.0, 0.3,  HISTORICAL_HOT_SPOT",
      // cold mirrors hot
      ".........C,    0.0, 1.0,  NEW_COLD_SPOT",
      "........CC,   -2.0, 0.01, CONSECUTIVE_COLD_SPOT",
      "CCCCCCCCCC,   -3.0, 0.001, INTENSIFYING_COLD_SPOT",
      "CCCCCCCCCC,    3.0, 0.001, DIMINISHING_COLD_SPOT",
      "CCCCCCCCCC,    0.2, 0.80, PERSISTENT_COLD_SPOT",
      "C.C.C....C,    0.0, 1.0,  SPORADIC_COLD_SPOT",
      "HH.....C.C,   -1.0, 0.2,  OSCILLATING_COLD_SPOT",
      // new takes precedence: cold only at the end, even after hot steps
      "HH.......C,   -1.0, 0.2,  NEW_COLD_SPOT",
      "CCCCCCCCC.,    1.0, 0.3,  HISTORICAL_COLD_SPOT",
      // nothing at the end and not mostly anything
      "HHH.......,   -2.0, 0.04, NO_PATTERN_DETECTED",
      "..........,    0.0, 1.0,  NO_PATTERN_DETECTED",
  })
  void classifies(String steps, double trendZ, double trendP, Pattern expected) {
    assertThat(EmergingHotSpots.classify(bins(steps), new MannKendall.Trend(0, 1, trendZ, trendP))).isEqualTo(expected);
  }
}
