package nl.veiligheidskaart.geodata.reference;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.veiligheidskaart.geodata.SharedGeodata;
import org.json.simple.parser.JSONParser;
import org.json.simple.parser.ParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReferenceGeographyTest {

  private final ReferenceGeography geography = ReferenceGeography.oostNederland();

  @Test
  void hasTheMunicipalitiesOfGelderlandAndOverijsselSortedByCode() {
    List<Municipality> municipalities = geography.municipalities();

    assertThat(municipalities).hasSize(76);
    assertThat(municipalities).extracting(Municipality::code).isSorted();
    assertThat(municipalities.stream().collect(groupingBy(Municipality::province, counting())))
        .isEqualTo(Map.of("Gelderland", 51L, "Overijssel", 25L));
  }

  /** Expected: the district lists of shared/geodata/README.md. */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', textBlock = """
      VR04 | IJsselland                | Overijssel | Dalfsen, Deventer, Hardenberg, Kampen, Olst-Wijhe, Ommen, Raalte, Staphorst, Steenwijkerland, Zwartewaterland, Zwolle
      VR05 | Twente                    | Overijssel | Almelo, Borne, Dinkelland, Enschede, Haaksbergen, Hellendoorn, Hengelo, Hof van Twente, Losser, Oldenzaal, Rijssen-Holten, Tubbergen, Twenterand, Wierden
      VR06 | Noord- en Oost-Gelderland | Gelderland | Aalten, Apeldoorn, Berkelland, Bronckhorst, Brummen, Doetinchem, Elburg, Epe, Ermelo, Harderwijk, Hattem, Heerde, Lochem, Montferland, Nunspeet, Oldebroek, Oost Gelre, Oude IJsselstreek, Putten, Voorst, Winterswijk, Zutphen
      VR07 | Gelderland-Midden         | Gelderland | Arnhem, Barneveld, Doesburg, Duiven, Ede, Lingewaard, Nijkerk, Overbetuwe, Renkum, Rheden, Rozendaal, Scherpenzeel, Wageningen, Westervoort, Zevenaar
      VR08 | Gelderland-Zuid           | Gelderland | Berg en Dal, Beuningen, Buren, Culemborg, Druten, Heumen, Maasdriel, Neder-Betuwe, Nijmegen, Tiel, West Betuwe, West Maas en Waal, Wijchen, Zaltbommel
      """)
  void districtHasItsMunicipalities(String code, String name, String province, String names) {
    assertThat(geography.district(code)).contains(new District(code, name, province));
    assertThat(geography.municipalitiesIn(code))
        .extracting(Municipality::name)
        .containsExactlyInAnyOrder(names.split(", "));
    assertThat(geography.municipalitiesIn(code)).extracting(Municipality::province)
        .containsOnly(province);
  }

  @Test
  void hasFiveDistrictsWith22And15And14And11And14Municipalities() {
    assertThat(geography.districts()).extracting(District::code)
        .containsExactly("VR04", "VR05", "VR06", "VR07", "VR08");
    assertThat(geography.districts().stream().map(d -> geography.municipalitiesIn(d.code()).size()))
        .containsExactly(11, 14, 22, 15, 14);
  }

  @ParameterizedTest
  @CsvSource(textBlock = """
      VR07,              VR07
      vr07,              VR07
      Gelderland-Midden, VR07
      gelderland-midden, VR07
      ' Twente ',        VR05
      """)
  void findsDistrictByCodeOrName(String codeOrName, String expectedCode) {
    assertThat(geography.district(codeOrName)).map(District::code).contains(expectedCode);
  }

  @ParameterizedTest
  @ValueSource(strings = {"VR01", "Haaglanden", ""})
  void unknownDistrictIsEmptyAndHasNoMunicipalities(String codeOrName) {
    assertThat(geography.district(codeOrName)).isEmpty();
    assertThat(geography.municipalitiesIn(codeOrName)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(textBlock = """
      GM0200, Apeldoorn
      gm0200, Apeldoorn
      200,    Apeldoorn
      1960,   West Betuwe
      """)
  void findsMunicipalityByCodeInAnyForm(String code, String expectedName) {
    assertThat(geography.municipality(code)).map(Municipality::name).contains(expectedName);
  }

  @ParameterizedTest
  @ValueSource(strings = {"GM0363", "Apeldoorn", "GM02000", ""})
  void unknownMunicipalityIsEmpty(String code) {
    assertThat(geography.municipality(code)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(textBlock = """
      141,        GM0141
      0141,       GM0141
      gm0141,     GM0141
      GM0141,     GM0141
      Gm0141,     GM0141
      '  1960 ',  GM1960
      7,          GM0007
      """)
  void normalisesMunicipalityCode(String raw, String expected) {
    assertThat(ReferenceGeography.normaliseMunicipalityCode(raw)).isEqualTo(expected);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "GM", "GM01411", "12345", "Almelo", "GM-0141", "141.0", "NL0141"})
  void refusesGarbageAsMunicipalityCode(String raw) {
    assertThatThrownBy(() -> ReferenceGeography.normaliseMunicipalityCode(raw))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Not a municipality code")
        .hasMessageContaining("GM0141");
  }

  @Test
  void refusesDuplicateCodesAndUnknownDistricts() {
    District twente = new District("VR05", "Twente", "Overijssel");
    Municipality almelo = new Municipality("GM0141", "Almelo", "Overijssel", "VR05");

    assertThatThrownBy(() -> ReferenceGeography.of(List.of(almelo, almelo), List.of(twente)))
        .hasMessage("Duplicate municipality code GM0141");
    assertThatThrownBy(() -> ReferenceGeography.of(List.of(almelo), List.of()))
        .hasMessage("Municipality GM0141 (Almelo) refers to unknown district VR05; known districts: []");
    assertThatThrownBy(() -> ReferenceGeography.of(
        List.of(new Municipality("141", "Almelo", "Overijssel", "VR05")), List.of(twente)))
        .hasMessage("Municipality code 141 is not in canonical form; write it as GM0141");
  }

  /** The shipped fact table is the properties of the shared 2019 boundary file. */
  @Test
  void factTableAgreesWithSharedBoundaryFile() throws IOException, ParseException {
    Map<?, ?> collection;
    try (Reader reader = Files.newBufferedReader(
        SharedGeodata.file("gemeenten-oost-nederland-2019.geojson"), StandardCharsets.UTF_8)) {
      collection = (Map<?, ?>) new JSONParser().parse(reader);
    }
    List<String> expected = new ArrayList<>();
    for (Object feature : (List<?>) collection.get("features")) {
      Map<?, ?> properties = (Map<?, ?>) ((Map<?, ?>) feature).get("properties");
      String districtCode = geography.district((String) properties.get("district")).orElseThrow().code();
      expected.add(String.join("|", (String) properties.get("code"), (String) properties.get("name"),
          (String) properties.get("province"), districtCode));
    }

    assertThat(geography.municipalities().stream()
        .map(m -> String.join("|", m.code(), m.name(), m.province(), m.districtCode())))
        .containsExactlyInAnyOrderElementsOf(expected);
  }
}
