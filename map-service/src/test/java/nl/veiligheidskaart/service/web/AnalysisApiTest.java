package nl.veiligheidskaart.service.web;

import static nl.veiligheidskaart.service.web.ApiClient.json;
import static nl.veiligheidskaart.service.web.ApiClient.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.veiligheidskaart.service.demo.DemoDataGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The analyses over HTTP on the demo data (with its planted hotspot) and the real registered-crime
 * table: the planted signal is found, the municipality level equals R spdep, bad input is named.
 */
class AnalysisApiTest extends DemoServiceApiTest {

  ApiClient analyst;

  @BeforeEach
  void signIn() {
    analyst = ApiClient.signedIn("http://localhost:" + port, DATA_DIR, "analist");
  }

  @Test
  void thePlantedBurglaryHotspotInDeventerIsAHotSpotAt99Percent() {
    HttpResponse<String> response = analyst.get("/api/v1/analysis/hotspots?category=woninginbraak&area=GM0150"
        + "&cellSize=250&distanceBand=750&crs=EPSG:28992");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode result = json(response);
    JsonNode hotspotCell = cellContaining(result, DemoDataGenerator.HOTSPOT.x(), DemoDataGenerator.HOTSPOT.y());
    assertThat(hotspotCell.get("properties").get("giBin").asInt()).isEqualTo(3);
    assertThat(hotspotCell.get("properties").get("giZ").asDouble()).isGreaterThan(5);
    JsonNode analysis = result.get("analysis");
    assertThat(analysis.get("n").asInt()).isEqualTo(result.get("features").size());
    assertThat(analysis.get("parameters").get("cellSize").get("chosenBy").asString()).isEqualTo("given");
    long cold = 0;
    for (JsonNode feature : result.get("features")) {
      assertThat(feature.get("properties").get("cellId").asString()).startsWith("250m_E");
      cold += feature.get("properties").get("giBin").asInt() < 0 ? 1 : 0;
    }
    assertThat(cold).isLessThan(result.get("features").size() / 2);
  }

  @Test
  void defaultsAreChosenAsArcGisWouldAndReported() {
    JsonNode analysis = json(analyst.get("/api/v1/analysis/hotspots?category=woninginbraak&area=VR04")).get("analysis");

    assertThat(analysis.get("parameters").get("cellSize").get("chosenBy").asString())
        .startsWith("ArcGIS Optimized Hot Spot rule");
    assertThat(analysis.get("parameters").get("distanceBand").get("chosenBy").asString())
        .containsAnyOf("incremental spatial autocorrelation", "nearest cell");
    assertThat(analysis.get("parameters").get("fdr").get("value").asBoolean()).isTrue();
  }

  @Test
  void municipalityHotspotsOnTheRegisteredCrimeTableEqualSpdep() throws Exception {
    JsonNode result = json(analyst.get("/api/v1/analysis/hotspots/municipalities?source=statistics&category=1.1.1"
        + "&period=2018"));

    Map<String, Double> expected = new HashMap<>();
    List<String> golden = Files.readAllLines(Path.of(getClass().getResource(
        "/analysis/local-statistics-municipalities-burglary-2018.csv").toURI()));
    golden.subList(1, golden.size()).forEach(line -> expected.put(line.split(",")[0],
        Double.parseDouble(line.split(",")[2])));
    assertThat(result.get("features")).hasSize(76);
    for (JsonNode feature : result.get("features")) {
      String code = feature.get("properties").get("code").asString();
      assertThat(feature.get("properties").get("giZ").asDouble()).as(code).isCloseTo(expected.get(code), within(1e-9));
    }
  }

  @Test
  void ratesOnTheRegisteredCrimeTableEqualSpdep() throws Exception {
    List<String> golden = Files.readAllLines(Path.of(getClass().getResource(
        "/analysis/rates-eb-2018-population-2019.csv").toURI()));
    for (String crimeType : List.of("1.1.1", "1.4.5")) {
      Map<String, String[]> expected = new HashMap<>();
      golden.subList(1, golden.size()).stream().map(line -> line.split(","))
          .filter(row -> row[0].equals(crimeType)).forEach(row -> expected.put(row[1], row));
      for (String smoothing : List.of("global-eb", "local-eb")) {
        JsonNode result = json(analyst.get("/api/v1/analysis/rates?source=statistics&category=" + crimeType
            + "&period=2018&smoothing=" + smoothing));

        // 2018 has no population figure: the nearest year, 2019, is used and said
        assertThat(result.get("populationYear").asInt()).isEqualTo(2019);
        assertThat(result.get("smoothing").asString()).isEqualTo(smoothing);
        assertThat(result.get("municipalities")).hasSize(76);
        for (JsonNode municipality : result.get("municipalities")) {
          String[] row = expected.get(municipality.get("code").asString());
          assertThat(municipality.get("count").asLong()).isEqualTo(Long.parseLong(row[2]));
          assertThat(municipality.get("population").asLong()).isEqualTo(Long.parseLong(row[3]));
          assertThat(municipality.get("ratePer1000").asDouble()).as(row[1])
              .isCloseTo(1000 * Double.parseDouble(row[4]), within(1e-9));
          assertThat(municipality.get("smoothedPer1000").asDouble()).as("%s %s", smoothing, row[1])
              .isCloseTo(1000 * Double.parseDouble(row[smoothing.equals("global-eb") ? 5 : 6]), within(1e-9));
        }
      }
    }
  }

  @Test
  void municipalityHotspotsOnRatesEqualSpdep() throws Exception {
    Map<String, String[]> expected = new HashMap<>();
    List<String> golden = Files.readAllLines(Path.of(getClass().getResource(
        "/analysis/rates-eb-2018-population-2019.csv").toURI()));
    golden.subList(1, golden.size()).stream().map(line -> line.split(","))
        .filter(row -> row[0].equals("1.1.1")).forEach(row -> expected.put(row[1], row));
    for (String measure : List.of("rate", "smoothed-rate")) {
      JsonNode result = json(analyst.get("/api/v1/analysis/hotspots/municipalities?source=statistics&category=1.1.1"
          + "&period=2018&measure=" + measure));

      assertThat(result.get("analysis").get("parameters").get("measure").get("chosenBy").asString())
          .endsWith("per 1,000 inhabitants on 1 January 2019");
      assertThat(result.get("features")).hasSize(76);
      for (JsonNode feature : result.get("features")) {
        String code = feature.get("properties").get("code").asString();
        assertThat(feature.get("properties").get("giZ").asDouble()).as("%s %s", measure, code)
            .isCloseTo(Double.parseDouble(expected.get(code)[measure.equals("rate") ? 7 : 8]), within(1e-9));
      }
    }
  }

  @Test
  void ratesOfIncidentsSayTheirPopulationYearAndUnsmoothedAreRaw() {
    int year = LocalDate.now().getYear() - 1;
    JsonNode result = json(analyst.get("/api/v1/analysis/rates?category=woninginbraak&from=" + year
        + "-01-01&to=" + (year + 1) + "-01-01&area=VR04"));

    assertThat(result.get("smoothing").asString()).isEqualTo("none");
    // the shared table has 2019, 2020, 2022 and 2024
    int nearest = year >= 2023 ? 2024 : year == 2021 ? 2020 : Math.max(2019, year);
    assertThat(result.get("populationYear").asInt()).isEqualTo(nearest);
    JsonNode figures = json(analyst.get("/api/v1/municipalities/GM0150/figures?category=woninginbraak&from=" + year
        + "-01-01&to=" + (year + 1) + "-01-01"));
    JsonNode deventer = null;
    for (JsonNode municipality : result.get("municipalities")) {
      assertThat(municipality.get("smoothedPer1000").asDouble()).isEqualTo(municipality.get("ratePer1000").asDouble());
      if (municipality.get("code").asString().equals("GM0150")) {
        deventer = municipality;
      }
    }
    assertThat(deventer).isNotNull();
    assertThat(deventer.get("count").asLong()).isEqualTo(figures.get("categories").get(0).get("count").asLong());
    assertThat(deventer.get("population").asLong()).isEqualTo(figures.get("population").asLong());
    assertThat(deventer.get("ratePer1000").asDouble())
        .isEqualTo(figures.get("categories").get(0).get("ratePer1000").asDouble());
  }

  @Test
  void badRateParametersAreNamed() {
    JsonNode smoothing = problem(analyst.get("/api/v1/analysis/rates?smoothing=bayes"), 400);
    assertThat(smoothing.get("invalidParams").get(0).get("name").asString()).isEqualTo("smoothing");
    assertThat(smoothing.get("invalidParams").get(0).get("reason").asString())
        .isEqualTo("smoothing must be one of none, global-eb, local-eb");
    assertThat(problem(analyst.get("/api/v1/analysis/rates?source=statistics&category=1.1.1"), 400)
        .get("invalidParams").get(0).get("name").asString()).isEqualTo("period");
    assertThat(problem(analyst.get("/api/v1/analysis/rates?source=statistics&category=1.1.1&period=2018"
        + "&from=2018-01-01"), 400).get("invalidParams").get(0).get("name").asString()).isEqualTo("from");
    assertThat(problem(analyst.get("/api/v1/analysis/rates?source=registry"), 400)
        .get("invalidParams").get(0).get("name").asString()).isEqualTo("source");
    ApiClient board = ApiClient.signedIn("http://localhost:" + port, DATA_DIR, "beheer")
        .account("bbg-rates", "BBG", null);
    assertThat(board.get("/api/v1/analysis/rates?smoothing=global-eb").statusCode()).isEqualTo(403);
  }

  @Test
  void clustersAndOutliersCarryTheirLabels() {
    JsonNode result = json(analyst.get("/api/v1/analysis/clusters/municipalities?source=statistics&category=1.1.1"
        + "&period=2018&permutations=499"));

    assertThat(result.get("features")).hasSize(76).allSatisfy(feature -> assertThat(feature.get("properties")
        .get("cluster").asString()).isIn("HH", "LL", "HL", "LH", "not significant"));
    JsonNode again = json(analyst.get("/api/v1/analysis/clusters/municipalities?source=statistics&category=1.1.1"
        + "&period=2018&permutations=499"));
    assertThat(again.get("features").get(5).get("properties").get("pseudoP").asDouble())
        .isEqualTo(result.get("features").get(5).get("properties").get("pseudoP").asDouble());
  }

  @Test
  void densityIsARasterInIncidentsPerSquareKilometre() {
    JsonNode raster = json(analyst.get("/api/v1/analysis/density?category=woninginbraak&area=GM0150&cellSize=100"
        + "&bandwidth=500"));

    assertThat(raster.get("unit").asString()).isEqualTo("incidents per km²");
    int columns = raster.get("columns").asInt();
    int rows = raster.get("rows").asInt();
    assertThat(raster.get("values")).hasSize(columns * rows);
    double west = raster.get("west").asDouble();
    double north = raster.get("north").asDouble();
    int column = (int) ((DemoDataGenerator.HOTSPOT.x() - west) / 100);
    int row = (int) ((north - DemoDataGenerator.HOTSPOT.y()) / 100);
    double atHotspot = raster.get("values").get(row * columns + column).asDouble();
    double max = 0;
    for (JsonNode value : raster.get("values")) {
      max = Math.max(max, value.asDouble());
    }
    assertThat(atHotspot).isGreaterThan(0.7 * max);
    assertThat(raster.get("analysis").get("parameters").get("kernel").get("value").asString()).isEqualTo("quartic");
  }

  @Test
  void emergingHotspotsClassifyEveryCellOverMonthlySteps() {
    LocalDate end = LocalDate.now();
    JsonNode result = json(analyst.get("/api/v1/analysis/emerging-hotspots?category=woninginbraak&area=GM0150"
        + "&cellSize=500&distanceBand=1500&from=" + end.minusMonths(12).withDayOfMonth(1) + "&to="
        + end.withDayOfMonth(1) + "&crs=EPSG:28992"));

    assertThat(result.get("analysis").get("parameters").get("steps").get("value")).hasSize(12);
    JsonNode hotspotCell = cellContaining(result, DemoDataGenerator.HOTSPOT.x(), DemoDataGenerator.HOTSPOT.y());
    assertThat(hotspotCell.get("properties").get("bins")).hasSize(12);
    assertThat(hotspotCell.get("properties").get("pattern").asString()).endsWith("Hot Spot");
  }

  @Test
  void badAnalysisRequestsAreNamed() {
    Map<String, String> bad = Map.of(
        "area", "/api/v1/analysis/hotspots?area=Utrecht",
        "cellSize", "/api/v1/analysis/hotspots?cellSize=-5",
        "permutations", "/api/v1/analysis/hotspots?permutations=100000",
        "source", "/api/v1/analysis/hotspots/municipalities?source=twitter",
        "period", "/api/v1/analysis/hotspots/municipalities?source=statistics&category=1.1.1",
        "step", "/api/v1/analysis/emerging-hotspots?step=day&from=2024-01-01&to=2024-06-01",
        "from", "/api/v1/analysis/emerging-hotspots",
        "distanceBand", "/api/v1/analysis/hotspots?area=GM0150&cellSize=250&distanceBand=1e9",
        "bandwidth", "/api/v1/analysis/density?area=GM0150&bandwidth=9999999999999999999");
    bad.forEach((parameter, path) -> assertThat(problem(analyst.get(path), 400).get("invalidParams").get(0)
        .get("name").asString()).as(path).isEqualTo(parameter));
    // values that are no number or yes/no at all, refused where the parameter record is bound
    Map<String, String> notOfTheirType = Map.of(
        "cellSize", "/api/v1/analysis/hotspots?cellSize=abc",
        "fdr", "/api/v1/analysis/clusters?fdr=perhaps",
        "seed", "/api/v1/analysis/clusters/municipalities?seed=x",
        "permutations", "/api/v1/analysis/hotspots/municipalities?permutations=many",
        "distanceBand", "/api/v1/analysis/emerging-hotspots?distanceBand=far",
        "bandwidth", "/api/v1/analysis/density?bandwidth=wide");
    notOfTheirType.forEach((parameter, path) -> assertThat(problem(analyst.get(path), 400).get("invalidParams")
        .get(0).get("name").asString()).as(path).isEqualTo(parameter));
  }

  /** Weights and permutations too large to compute are refused from their sizes, before any is spent. */
  @Test
  void theCostOfAnAnalysisIsBoundedBeforeItIsSpent() {
    long start = System.nanoTime();
    assertThat(problem(analyst.get("/api/v1/analysis/hotspots?area=VR04&cellSize=100&distanceBand=3000"), 400)
        .get("invalidParams").get(0).get("name").asString()).isEqualTo("distanceBand");
    JsonNode permutations = problem(analyst.get(
        "/api/v1/analysis/clusters?area=GM0150&cellSize=100&distanceBand=1000&permutations=9999"), 400);
    assertThat(permutations.get("invalidParams").get(0).get("name").asString()).isEqualTo("permutations");
    assertThat(permutations.get("detail").asString()).contains("choose fewer permutations");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  /** The feature whose RD New polygon contains a point. */
  private static JsonNode cellContaining(JsonNode collection, double x, double y) {
    for (JsonNode feature : collection.get("features")) {
      JsonNode ring = feature.get("geometry").get("coordinates").get(0);
      double minX = Double.MAX_VALUE;
      double maxX = -Double.MAX_VALUE;
      double minY = Double.MAX_VALUE;
      double maxY = -Double.MAX_VALUE;
      for (JsonNode position : ring) {
        minX = Math.min(minX, position.get(0).asDouble());
        maxX = Math.max(maxX, position.get(0).asDouble());
        minY = Math.min(minY, position.get(1).asDouble());
        maxY = Math.max(maxY, position.get(1).asDouble());
      }
      if (x >= minX && x < maxX && y >= minY && y < maxY) {
        return feature;
      }
    }
    throw new AssertionError("no cell contains " + x + ", " + y);
  }
}
