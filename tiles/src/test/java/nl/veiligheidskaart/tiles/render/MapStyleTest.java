package nl.veiligheidskaart.tiles.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MapStyleTest {

  @Test
  void giBinsHaveArcGisColoursAndHotSpotsComeFirstInTheLegend() {
    assertThat(MapStyle.giBinColour(0).getRGB() & 0xffffff).isEqualTo(0xffffbf);
    assertThat(MapStyle.giBinLegend().entries().get(0).colour()).isEqualTo("#d62f27");
    assertThat(MapStyle.giBinLegend().entries().get(0).label()).isEqualTo("Hotspot 99% betrouwbaar");
    assertThat(MapStyle.giBinLegend().entries().get(6).colour()).isEqualTo("#4575b5");
  }

  @Test
  void legendNumbersAreWrittenTheDutchWay() {
    assertThat(MapStyle.number(1234)).isEqualTo("1.234");
    assertThat(MapStyle.number(12.5)).isEqualTo("12,5");
    assertThat(MapStyle.sequentialLegend("Aantal", "", new double[] {10, 1500.4}, true).entries())
        .extracting(MapStyle.LegendEntry::label).containsExactly("0 – 10", "10 – 1.500", "Te weinig om te tonen");
    // areas without a value (a rate without inhabitants) are named, in the colour they are drawn in
    assertThat(MapStyle.sequentialLegend("Per 1.000 inwoners", "", new double[] {2.5}, false, "Geen inwonertal")
        .entries()).extracting(MapStyle.LegendEntry::label).containsExactly("0 – 2,5", "Geen inwonertal");
  }

  @Test
  void classesFollowTheirLimits() {
    double[] breaks = {10, 20, 30, 40, 50};
    assertThat(MapStyle.sequentialColour(10, breaks)).isEqualTo(MapStyle.sequentialColour(0, breaks));
    assertThat(MapStyle.sequentialColour(10.5, breaks)).isNotEqualTo(MapStyle.sequentialColour(10, breaks));
    assertThat(MapStyle.sequentialColour(99, breaks)).isEqualTo(MapStyle.sequentialColour(50, breaks));
    assertThat(MapStyle.changeColour(-30)).isNotEqualTo(MapStyle.changeColour(-20));
    assertThat(MapStyle.changeColour(0)).isEqualTo(MapStyle.changeColour(9.9));
    assertThat(MapStyle.cellColour(10)).isNotEqualTo(MapStyle.cellColour(9));
  }

  @Test
  void theDensityRampIsTransparentBelowTheCutoffAndSaturatesAtTheMaximum() {
    assertThat(MapStyle.densityColour(0.01)).isNull();
    assertThat(MapStyle.densityColour(Double.NaN)).isNull();
    assertThat(MapStyle.densityColour(3)).isEqualTo(MapStyle.densityColour(1));
    assertThat(MapStyle.densityLegend(200).entries()).hasSize(5);
    assertThat(MapStyle.densityLegend(200).entries().get(4).label()).isEqualTo("≥ 200");
  }
}
