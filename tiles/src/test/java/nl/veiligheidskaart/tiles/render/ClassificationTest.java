package nl.veiligheidskaart.tiles.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClassificationTest {

  @Test
  void naturalBreaksFindTheGapsBetweenGroups() {
    double[] values = {31, 1, 12, 2, 30, 3, 10, 11};

    assertThat(Classification.naturalBreaks(values, 3)).containsExactly(3, 12, 31);
  }

  /** A far outlier gets a class of its own: that split leaves the least variance within the classes. */
  @Test
  void aFarOutlierGetsAClassOfItsOwn() {
    double[] values = {1, 2, 4, 5, 7, 9, 10, 20};

    assertThat(Classification.naturalBreaks(values, 2)).containsExactly(10, 20);
  }

  @Test
  void fewerDistinctValuesThanClassesGiveFewerClasses() {
    assertThat(Classification.naturalBreaks(new double[] {4, 4, 7}, 5)).containsExactly(4, 7);
    assertThat(Classification.naturalBreaks(new double[] {}, 5)).isEmpty();
    assertThat(Classification.naturalBreaks(new double[] {Double.NaN, 2}, 5)).containsExactly(2);
  }
}
