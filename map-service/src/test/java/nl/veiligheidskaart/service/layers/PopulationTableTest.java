package nl.veiligheidskaart.service.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.veiligheidskaart.service.layers.PopulationTable.Inhabitants;
import nl.veiligheidskaart.service.store.PopulationEntity;
import org.junit.jupiter.api.Test;

/** A year without a figure takes the nearest year with one, the earlier of two equally near, and says so. */
class PopulationTableTest {

  private final PopulationTable table = new PopulationTable(List.of(
      new PopulationEntity("GM0200", 2019, 162_445, "CBS"),
      new PopulationEntity("GM0200", 2020, 163_818, "CBS"),
      new PopulationEntity("GM0200", 2022, 165_586, "CBS"),
      new PopulationEntity("GM0200", 2024, 168_211, "CBS"),
      new PopulationEntity("GM0202", 2024, 166_000, "CBS")));

  @Test
  void aYearWithAFigureUsesIt() {
    assertThat(table.inhabitants("GM0200", 2020)).contains(new Inhabitants(2020, 163_818));
  }

  @Test
  void aYearBetweenFiguresTakesTheNearestAndATieTheEarlier() {
    assertThat(table.inhabitants("GM0200", 2023)).contains(new Inhabitants(2022, 165_586));
    assertThat(table.inhabitants("GM0200", 2021)).contains(new Inhabitants(2020, 163_818));
  }

  @Test
  void yearsOutsideTheTableTakeItsEnds() {
    assertThat(table.inhabitants("GM0200", 2012)).contains(new Inhabitants(2019, 162_445));
    assertThat(table.inhabitants("GM0200", 2026)).contains(new Inhabitants(2024, 168_211));
    // Each municipality by its own figures: GM0202 has only 2024.
    assertThat(table.inhabitants("GM0202", 2019)).contains(new Inhabitants(2024, 166_000));
  }

  @Test
  void aMunicipalityWithoutFiguresHasNone() {
    assertThat(table.inhabitants("GM0141", 2019)).isEmpty();
    assertThat(new PopulationTable(List.of()).nearestYear(2019)).isEmpty();
  }

  @Test
  void theTableYearIsTheNearestYearOfAnyFigure() {
    assertThat(table.nearestYear(2018)).contains(2019);
    assertThat(table.nearestYear(2021)).contains(2020);
    assertThat(table.inhabitantsIn("GM0202", 2019)).isEmpty();
    assertThat(table.inhabitantsIn("GM0202", 2024)).contains(166_000L);
  }
}
