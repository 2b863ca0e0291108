package nl.veiligheidskaart.service.hotspots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.veiligheidskaart.service.api.InvalidParameterException;
import org.junit.jupiter.api.Test;

/** The bounds on an analysis's work: each refusal names the parameter to change and says by how much. */
class AnalysisCostTest {

  /** All 76 municipalities hold some 8 500 km²: at 100 m some 850 000 cells. */
  private static final double OOST_NEDERLAND = 8.5e9;

  @Test
  void tooManyStepCellsAreRefusedFromTheAreaBeforeTheGridIsBuilt() {
    assertThatThrownBy(() -> AnalysisCost.estimatedStepCells(24, OOST_NEDERLAND, 100))
        .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
          assertThat(e.parameter()).isEqualTo("to");
          assertThat(e.getMessage()).isEqualTo("24 time steps of some 850000 cells "
              + "are more than 5000000 step cells: shorten the period, take months, or choose larger cells");
        });
  }

  /** Near the bound the estimate may be off by the cells along the border: the real grid decides. */
  @Test
  void anEstimateNearTheBoundIsLeftToTheRealGrid() {
    double justOver = 1.05 * AnalysisCost.MAX_STEP_CELLS / 24 * 250 * 250;
    assertThatCode(() -> AnalysisCost.estimatedStepCells(24, justOver, 250)).doesNotThrowAnyException();
    assertThatThrownBy(() -> AnalysisCost.stepCells(24, 218_750))
        .hasMessage("24 time steps of 218750 cells are more than 5000000 step cells: shorten the period, take months, "
            + "or choose larger cells");
    assertThatCode(() -> AnalysisCost.stepCells(24, 208_333)).doesNotThrowAnyException();
  }

  @Test
  void neighbourPairsAreBlamedOnTheBandWhenItWasGivenElseOnTheCellSize() {
    // A band of 30 cells holds 2 821 cells (itself included): 20 000 cells give 56 million pairs.
    assertThatThrownBy(() -> AnalysisCost.weights(20_000, 100, 3000, true, true, 0))
        .isInstanceOfSatisfying(InvalidParameterException.class,
            e -> assertThat(e.parameter()).isEqualTo("distanceBand"));
    assertThatThrownBy(() -> AnalysisCost.weights(20_000, 100, 3000, true, false, 0))
        .isInstanceOfSatisfying(InvalidParameterException.class,
            e -> assertThat(e.parameter()).isEqualTo("cellSize"));
  }

  /** A band of 10 cells holds 316 neighbours: 100 000 cells give 31.6 million pairs. */
  @Test
  void permutationDrawsAreBoundedByPermutationsTimesPairs() {
    assertThatCode(() -> AnalysisCost.weights(100_000, 100, 1000, false, true, 499)).doesNotThrowAnyException();
    assertThatThrownBy(() -> AnalysisCost.weights(100_000, 100, 1000, false, true, 9_999))
        .isInstanceOfSatisfying(InvalidParameterException.class,
            e -> assertThat(e.parameter()).isEqualTo("permutations"))
        .hasMessageContaining("choose fewer permutations");
  }

  @Test
  void tooManyStepsAreRefusedWithTheAdviceThatFits() {
    assertThatThrownBy(() -> AnalysisCost.steps(521, HotspotService.Step.WEEK)).hasMessage("the period holds more "
        + "than 520 weeks, the most an emerging hot spot analysis takes: shorten it or take months");
    assertThatThrownBy(() -> AnalysisCost.steps(521, HotspotService.Step.MONTH)).hasMessage("the period holds more "
        + "than 520 months, the most an emerging hot spot analysis takes: shorten it");
  }
}
