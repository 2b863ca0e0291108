package nl.veiligheidskaart.service.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Bins as ArcGIS Gi_Bin, with and without Benjamini–Hochberg; the example is worked by hand. */
class SignificanceBinsTest {

  // m = 10 tests. BH at .10 passes p_(k) <= k/100: largest such k is 6 (0.06 <= 0.06);
  // at .05 (k/200): largest k is 2 (0.008 <= 0.010); at .01 (k/1000): k = 1 (0.001 <= 0.001).
  static final double[] P = {0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205, 0.212, 0.216};
  static final double[] SIGN = {1, -1, 1, 1, 1, -1, 1, 1, 1, 1};

  @Test
  void falseDiscoveryRateGivesTheStrictestLevelPassed() {
    assertThat(SignificanceBins.bins(P, SIGN, true)).containsExactly(3, -2, 1, 1, 1, -1, 0, 0, 0, 0);
  }

  @Test
  void withoutCorrectionTheUsualLevelsApply() {
    assertThat(SignificanceBins.bins(P, SIGN, false)).containsExactly(3, -3, 2, 2, 2, -1, 1, 0, 0, 0);
  }

  @Test
  void benjaminiHochbergThresholds() {
    assertThat(SignificanceBins.benjaminiHochbergThreshold(P, 0.10)).isEqualTo(0.06);
    assertThat(SignificanceBins.benjaminiHochbergThreshold(P, 0.05)).isEqualTo(0.008);
    assertThat(SignificanceBins.benjaminiHochbergThreshold(P, 0.01)).isEqualTo(0.001);
    assertThat(SignificanceBins.benjaminiHochbergThreshold(new double[] {0.5, 0.9}, 0.10)).isEqualTo(-1);
  }

  @Test
  void untestedUnitsStayInBinZero() {
    assertThat(SignificanceBins.bins(new double[] {Double.NaN, 0.001}, new double[] {Double.NaN, 2}, true))
        .containsExactly(0, 3);
  }

  @Test
  void pValuesAreTwoSided() {
    double[] p = SignificanceBins.twoSidedP(new double[] {1.959963984540054, -2.5758293035489004, 0, 30});
    assertThat(p[0]).isCloseTo(0.05, within(1e-12));
    assertThat(p[1]).isCloseTo(0.01, within(1e-12));
    assertThat(p[2]).isEqualTo(1.0);
    assertThat(p[3]).isGreaterThan(0).isLessThan(1e-190); // from the upper tail, not 1 - Φ
  }
}
