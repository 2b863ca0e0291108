package nl.veiligheidskaart.service.web;

import static nl.veiligheidskaart.service.web.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import nl.veiligheidskaart.geodata.reference.ReferenceGeography;
import nl.veiligheidskaart.service.config.Zones;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Profiles of a municipality, a district and the unit, the hemp figures for the district meeting
 * and the BBG's unit-wide pack, on the demo data: figures that add up from municipalities to
 * districts to the unit, PDFs with their pages, and what each role is told.
 */
class ProfilesApiTest extends DemoServiceApiTest {

  /** The demo data's last whole year. */
  static final int YEAR = LocalDate.now(Zones.NETHERLANDS).getYear() - 1;

  ApiClient analyst;
  ApiClient admin;

  @BeforeEach
  void signIn() {
    analyst = ApiClient.signedIn("http://localhost:" + port, DATA_DIR, "analist");
    admin = ApiClient.signedIn("http://localhost:" + port, DATA_DIR, "beheer");
  }

  @Test
  void aMunicipalityProfileSetsEachThemeAgainstTheYearBeforeAndItsDistrict() {
    JsonNode deventer = json(analyst.get("/api/v1/profiles/GM0150"));

    assertThat(deventer.get("kind").asString()).isEqualTo("municipality");
    assertThat(deventer.get("year").asInt()).isEqualTo(YEAR);
    assertThat(deventer.get("districtName").asString()).isEqualTo("IJsselland");
    assertThat(deventer.get("comparedWith").asString()).isEqualTo("IJsselland");
    assertThat(deventer.get("population").asLong()).isGreaterThan(90_000);
    JsonNode burglary = theme(deventer, "woninginbraak");
    JsonNode figures = json(analyst.get("/api/v1/municipalities/GM0150/figures?from=" + YEAR + "-01-01&to="
        + (YEAR + 1) + "-01-01"));
    for (JsonNode category : figures.get("categories")) {
      if (category.get("category").asString().equals("woninginbraak")) {
        // the same count as the viewer's panel gives for the same year
        assertThat(burglary.get("count").asLong()).isEqualTo(category.get("count").asLong());
        assertThat(burglary.get("previousCount").asLong()).isEqualTo(category.get("previousCount").asLong());
      }
    }
    assertThat(burglary.get("ratePer1000").asDouble()).isEqualTo(Math.round(burglary.get("count").asLong()
        * 1_000_000.0 / deventer.get("population").asLong()) / 1000.0, org.assertj.core.api.Assertions.within(0.001));
    assertThat(burglary.get("comparisonRatePer1000").isNumber()).isTrue();
    // the demo data begin within the year before: no change against a year not held whole
    assertThat(deventer.get("previousYearComplete").asBoolean()).isFalse();
    assertThat(burglary.get("changePercent").isNull()).isTrue();
    assertThat(deventer.get("hotspots").isArray()).isTrue(); // for analysts; see the unit's test of what it holds
    assertThat(deventer.get("indicators").toString()).contains("1.1.1 Diefstal/inbraak woning");
    assertThat(deventer.get("riskLocations").toString()).contains("hemp-sites", "holiday-parks", "omg-clubhouses");
    assertThat(deventer.get("parts")).isEmpty();
    assertThat(deventer.get("interventions").isArray()).isTrue();
  }

  @Test
  void aProfileListsTheYearsInterventionsWithTheirWaterbedChecks() {
    var registered = analyst.postJson("/api/v1/interventions", Map.of("type", "cameratoezicht",
        "municipality", "GM0141", "date", YEAR + "-03-01", "categories", java.util.List.of("jeugdoverlast"),
        "description", "Profieltest"));
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    long id = json(registered).get("id").asLong();

    JsonNode almelo = json(analyst.get("/api/v1/profiles/GM0141"));
    JsonNode listed = null;
    for (JsonNode intervention : almelo.get("interventions")) {
      listed = intervention.get("id").asLong() == id ? intervention : listed;
    }
    assertThat(listed).as("the intervention in Almelo's profile").isNotNull();
    // the same checks as the register gives for it
    assertThat(listed.get("waterbed")).isEqualTo(json(analyst.get("/api/v1/interventions/" + id)).get("waterbed"));
    assertThat(json(analyst.get("/api/v1/profiles/GM0150")).get("interventions").toString()).doesNotContain(
        "Profieltest");
    analyst.delete("/api/v1/interventions/" + id);
  }

  @Test
  void districtsAddUpFromTheirMunicipalitiesAndTheUnitFromItsDistricts() {
    ReferenceGeography reference = ReferenceGeography.oostNederland();
    JsonNode unit = json(analyst.get("/api/v1/profiles/unit"));
    assertThat(unit.get("parts")).hasSize(5);
    assertThat(unit.get("comparedWith").isNull()).isTrue();
    long districts = 0;
    for (JsonNode part : unit.get("parts")) {
      JsonNode district = json(analyst.get("/api/v1/profiles/" + part.get("code").asString()));
      assertThat(district.get("parts")).hasSize(reference.municipalitiesIn(part.get("code").asString()).size());
      long municipalities = 0;
      for (JsonNode municipality : district.get("parts")) {
        municipalities += municipality.get("count").asLong();
      }
      assertThat(part.get("count").asLong()).as(part.get("name").asString()).isEqualTo(municipalities);
      districts += municipalities;
    }
    long themes = 0;
    for (JsonNode theme : unit.get("themes")) {
      themes += theme.get("count").asLong();
    }
    assertThat(districts).isEqualTo(themes);
  }

  @Test
  void theHotspotsOfAProfileAreThoseOfTheMunicipalityAnalysisOnRates() {
    JsonNode unit = json(analyst.get("/api/v1/profiles/unit"));
    for (JsonNode theme : unit.get("themes")) {
      String category = theme.get("category").asString();
      if (theme.get("count").asLong() == 0) {
        continue;
      }
      Map<String, Integer> fromProfile = new TreeMap<>();
      for (JsonNode finding : unit.get("hotspots")) {
        if (finding.get("category").asString().equals(category)) {
          fromProfile.put(finding.get("municipality").asString(), finding.get("giBin").asInt());
        }
      }
      JsonNode analysis = json(analyst.get("/api/v1/analysis/hotspots/municipalities?measure=rate&category="
          + category + "&from=" + YEAR + "-01-01&to=" + (YEAR + 1) + "-01-01"));
      Map<String, Integer> fromAnalysis = new TreeMap<>();
      for (JsonNode feature : analysis.get("features")) {
        int bin = feature.get("properties").get("giBin").asInt();
        if (bin != 0) {
          fromAnalysis.put(feature.get("properties").get("code").asString(), bin);
        }
      }
      assertThat(fromProfile).as(category).isEqualTo(fromAnalysis);
    }
  }

  @Test
  void otherRolesGetRoundedFiguresNoAnalysisAndOnlyWhatTheyMaySeeWhole() {
    ApiClient bbg = admin.account("profiel-bbg", "BBG", null);
    JsonNode unit = json(bbg.get("/api/v1/profiles/unit"));
    assertThat(unit.get("hotspots").isNull()).isTrue();
    for (JsonNode theme : unit.get("themes")) {
      assertThat(theme.get("count").isNull() || theme.get("count").asLong() % 5 == 0).as(theme.toString()).isTrue();
    }

    ApiClient zutphen = admin.account("profiel-zutphen", "MUNICIPALITY", "GM0301");
    JsonNode own = json(zutphen.get("/api/v1/profiles/GM0301"));
    // its district holds municipalities it may not see: no district rate beside its own
    assertThat(own.get("comparedWith").isNull()).isTrue();
    for (JsonNode theme : own.get("themes")) {
      assertThat(theme.get("comparisonRatePer1000").isNull()).isTrue();
    }
    assertThat(zutphen.get("/api/v1/profiles/GM0262").statusCode()).isEqualTo(200); // Lochem, a neighbour
    assertThat(zutphen.get("/api/v1/profiles/GM0150").statusCode()).isEqualTo(403);
    assertThat(zutphen.get("/api/v1/profiles/VR06").statusCode()).isEqualTo(403);
    assertThat(admin.get("/api/v1/profiles/GM0150").statusCode()).isEqualTo(403);

    // the hemp figures of its district: only its own and its neighbours' rows, and no district total
    JsonNode hemp = json(zutphen.get("/api/v1/hemp-figures?area=VR06"));
    assertThat(hemp.get("districts")).isEmpty();
    assertThat(hemp.get("total").isNull()).isTrue();
    for (JsonNode row : hemp.get("municipalities")) {
      assertThat(row.get("code").asString()).isIn("GM0301", "GM0213", "GM0262", "GM0285", "GM1876");
      // a withheld intervention is left out whole, not listed without its number
      row.get("interventions").forEach(count -> assertThat(count.isNumber()).isTrue());
    }
  }

  @Test
  void theHempFiguresAddUpFromMunicipalitiesToDistrictsToTheUnit() throws Exception {
    int year = LocalDate.now(Zones.NETHERLANDS).getYear() - 1;
    JsonNode unit = json(analyst.get("/api/v1/hemp-figures?year=" + year));
    assertThat(unit.get("municipalities")).hasSize(76);
    assertThat(unit.get("districts")).hasSize(5);
    long dismantled = 0;
    long byType = 0;
    for (JsonNode district : unit.get("districts")) {
      long inDistrict = 0;
      for (JsonNode row : unit.get("municipalities")) {
        if (row.get("district").asString().equals(district.get("name").asString())) {
          inDistrict += row.get("dismantled").asLong();
        }
      }
      assertThat(district.get("dismantled").asLong()).as(district.get("name").asString()).isEqualTo(inDistrict);
      dismantled += inDistrict;
    }
    for (JsonNode count : unit.get("total").get("dismantledByType")) {
      byType += count.asLong();
    }
    assertThat(unit.get("total").get("dismantled").asLong()).isEqualTo(dismantled).isEqualTo(byType)
        .isPositive();
    assertThat(unit.get("total").get("dismantledByType").has("woning")).isTrue();

    HttpResponse<byte[]> pdf = analyst.getBytesAccepting("/api/v1/hemp-figures?area=VR06&year=" + year,
        "application/pdf");
    assertThat(pdf.statusCode()).isEqualTo(200);
    try (PDDocument document = Loader.loadPDF(pdf.body())) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("Hennepcijfers " + year + ": Noord- en Oost-Gelderland", "Zutphen",
          "Totaal district Noord- en Oost-Gelderland", "bedrijfspand");
    }
  }

  @Test
  void theProfileAsPdfHasItsTablesAndItsMap() throws Exception {
    HttpResponse<byte[]> pdf = analyst.getBytesAccepting("/api/v1/profiles/GM0150", "application/pdf");

    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Disposition").orElse("")).contains("profiel-deventer-" + YEAR
        + ".pdf");
    try (PDDocument document = Loader.loadPDF(pdf.body())) {
      String text = new PDFTextStripper().getText(document);
      assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(2);
      assertThat(text).contains("Profiel gemeente Deventer " + YEAR, "Thema's", "Doelen van de strategie",
          "Interventies in " + YEAR,
          "Risicolocaties", "Hotspots onder de 76 gemeenten", "Incidenten per 1.000 inwoners, gemeente Deventer");
    }
  }

  @Test
  void anyBbgAccountMakesTheUnitWidePack() throws Exception {
    ApiClient bbg = admin.account("pakket-bbg", "BBG", null);
    long started = System.nanoTime();
    HttpResponse<byte[]> pdf = bbg.getBytes("/api/v1/briefings/unit");
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertThat(pdf.statusCode()).isEqualTo(200);
    try (PDDocument document = Loader.loadPDF(pdf.body())) {
      String text = new PDFTextStripper().getText(document);
      // cover with the monitor, and a figures page and a map page per theme of the strategy, and the waterbed
      assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(1 + 2 * 10 + 1);
      assertThat(text).contains("BBG Eenheid Oost-Nederland", "Doelen van de strategie: district IJsselland",
          "Thema Woninginbraak", "Portefeuillehouder", "Twente", "Gelderland-Zuid", "Waterbedoverzicht")
          .doesNotContain("Hotspot");
    }
    assertThat(millis).as("the unit pack on the demo data").isLessThan(30_000);
    assertThat(admin.account("pakket-zutphen", "MUNICIPALITY", "GM0301").get("/api/v1/briefings/unit")
        .statusCode()).isEqualTo(403);
  }

  @Test
  void badProfileRequestsAreNamed() {
    assertThat(ApiClient.problem(analyst.get("/api/v1/profiles/Atlantis"), 400).toString()).contains("area");
    assertThat(ApiClient.problem(analyst.get("/api/v1/profiles/GM0150?year=2999"), 400).toString()).contains("year");
    assertThat(ApiClient.problem(analyst.get("/api/v1/profiles/GM0150?year=vorig"), 400).toString()).contains("year");
    assertThat(ApiClient.problem(analyst.get("/api/v1/hemp-figures?area=VR99"), 400).toString()).contains("area");
  }

  private static JsonNode theme(JsonNode profile, String category) {
    for (JsonNode theme : profile.get("themes")) {
      if (theme.get("category").asString().equals(category)) {
        return theme;
      }
    }
    throw new AssertionError("no theme " + category);
  }
}
