package nl.veiligheidskaart.service.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import nl.veiligheidskaart.service.analysis.DisplacementMeasures.Counts;
import nl.veiligheidskaart.service.analysis.DisplacementMeasures.Result;
import org.junit.jupiter.api.Test;

/** Every measure worked by hand; the published papers' own tables were not available here. */
class DisplacementMeasuresTest {

  // Target 100 → 60, buffer 80 → 100, control 1 000 → 900.
  static final Counts TARGET = new Counts(100, 60);
  static final Counts BUFFER = new Counts(80, 100);
  static final Counts CONTROL = new Counts(1000, 900);

  @Test
  void everyMeasureByHand() {
    Result result = DisplacementMeasures.compute(TARGET, BUFFER, CONTROL);

    // SM = 60/900 − 100/1000 = 0.066667 − 0.1 = −0.033333 (success)
    assertThat(result.successMeasure().value()).isCloseTo(60.0 / 900 - 0.1, within(1e-15));
    // BDM = 100/900 − 80/1000 = 0.111111 − 0.08 = 0.031111 (the buffer grew against the control)
    assertThat(result.bufferDisplacementMeasure().value()).isCloseTo(100.0 / 900 - 0.08, within(1e-15));
    // WDQ = 0.031111 / −0.033333 = −0.9333: displacement, smaller than the direct effect
    assertThat(result.wdq().value()).isCloseTo((100.0 / 900 - 0.08) / (60.0 / 900 - 0.1), within(1e-12));
    // TNE = [100·0.9 − 60] + [80·0.9 − 100] = 30 − 28 = 2
    assertThat(result.totalNetEffect().value()).isCloseTo(2, within(1e-12));
    // WDD = (60 − 100) − (−100)·0.1 + (100 − 80) − (−100)·0.08 = −30 + 28 = −2 = −TNE
    assertThat(result.wdd().estimate()).isCloseTo(-2, within(1e-12));
    // Var = 60 + 100 + 100 + 80 + 1900·(0.1² + 0.08²) = 340 + 1900·0.0164 = 371.16
    assertThat(result.wdd().variance()).isCloseTo(371.16, within(1e-9));
    assertThat(result.wdd().z()).isCloseTo(-2 / Math.sqrt(371.16), within(1e-12));
    assertThat(result.wdd().ci90()[0]).isCloseTo(-2 - 1.6448536269514722 * Math.sqrt(371.16), within(1e-9));
    assertThat(result.wdd().significantAt90()).isFalse();
    // the parts: target −30 (Var 160 + 1900·0.01 = 179), buffer +28 (Var 180 + 1900·0.0064 = 192.16)
    assertThat(result.localWdd().estimate()).isCloseTo(-30, within(1e-12));
    assertThat(result.bufferWdd().estimate()).isCloseTo(28, within(1e-12));
    assertThat(result.bufferWdd().variance()).isCloseTo(192.16, within(1e-9));
    assertThat(result.bufferWdd().significantAt90()).isTrue(); // z = 28/13.86 = 2.02
  }

  @Test
  void wddIsMinusTheTotalNetEffect() {
    Result result = DisplacementMeasures.compute(new Counts(37, 41), new Counts(12, 3), new Counts(220, 170));
    assertThat(result.wdd().estimate()).isCloseTo(-result.totalNetEffect().value(), within(1e-9));
  }

  @Test
  void separateControlsUseTheirOwnWeights() {
    Result result = DisplacementMeasures.compute(TARGET, BUFFER, CONTROL, new Counts(500, 600));
    // buffer part: (100 − 80) − (600 − 500)·80/500 = 20 − 16 = 4
    assertThat(result.bufferWdd().estimate()).isCloseTo(4, within(1e-12));
    assertThat(result.bufferDisplacementMeasure().value()).isCloseTo(100.0 / 600 - 80.0 / 500, within(1e-15));
    assertThat(result.wdd().estimate()).isCloseTo(-26, within(1e-12));
  }

  @Test
  void noWdqWithoutSuccess() {
    Result result = DisplacementMeasures.compute(new Counts(50, 70), BUFFER, CONTROL);
    assertThat(result.successMeasure().value()).isPositive();
    assertThat(result.wdq().defined()).isFalse();
    assertThat(result.wdq().notDefinedBecause()).contains("success measure is not negative");
  }

  @Test
  void zeroDenominatorsAreNotDefinedWithAReasonNeverNaN() {
    Result emptyControl = DisplacementMeasures.compute(TARGET, BUFFER, new Counts(0, 12));
    assertThat(emptyControl.successMeasure().defined()).isFalse();
    assertThat(emptyControl.successMeasure().notDefinedBecause()).contains("no incidents before");
    assertThat(emptyControl.wdq().defined()).isFalse();
    assertThat(emptyControl.totalNetEffect().defined()).isFalse();
    assertThat(emptyControl.wdd().estimate()).isNull();
    assertThat(emptyControl.wdd().notDefinedBecause()).isNotBlank();

    Result nothingAnywhere = DisplacementMeasures.compute(new Counts(0, 0), new Counts(0, 0), new Counts(5, 5));
    assertThat(nothingAnywhere.wdd().estimate()).isZero();
    assertThat(nothingAnywhere.wdd().z()).isNull();
    assertThat(nothingAnywhere.wdd().notDefinedBecause()).contains("nothing to test");
    assertThat(nothingAnywhere.wdq().defined()).isFalse();
  }

  @Test
  void tinyCountsStayFinite() {
    Result result = DisplacementMeasures.compute(new Counts(1, 0), new Counts(0, 1), new Counts(2, 1));
    // SM = 0/1 − 1/2 = −0.5; BDM = 1/1 − 0/2 = 1; WDQ = −2 (displacement larger than the success)
    assertThat(result.wdq().value()).isEqualTo(-2.0);
    // WDD: target (0 − 1) − (1 − 2)·1/2 = −0.5; buffer (1 − 0) − (−1)·0 = 1 → 0.5
    assertThat(result.wdd().estimate()).isCloseTo(0.5, within(1e-12));
    assertThat(result.wdd().z()).isNotNull();
    assertThat(Double.isFinite(result.wdd().z())).isTrue();
  }
}
