package nl.veiligheidskaart.service.web;

import static nl.veiligheidskaart.service.web.ApiClient.json;
import static nl.veiligheidskaart.service.web.ApiClient.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import nl.veiligheidskaart.geodata.reference.ReferenceGeography;
import nl.veiligheidskaart.service.SharedGeodata;
import nl.veiligheidskaart.service.demo.DemoDataGenerator;
import nl.veiligheidskaart.service.geography.BoundaryIndexes;
import nl.veiligheidskaart.service.intake.ImportMode;
import nl.veiligheidskaart.service.intake.ImportProgress;
import nl.veiligheidskaart.service.intake.Importers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * The waterbed check over HTTP: on the real registered-crime table, and on demo incidents with a
 * fixed period in which a displacement from Hengelo into its neighbours was planted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "veiligheidskaart.demo-data=false")
class DisplacementApiTest extends FreshServiceApiTest {

  static final LocalDate DEMO_END = LocalDate.of(2025, 1, 1);
  static final LocalDate INTERVENTION = DemoDataGenerator.DISPLACEMENT.interventionDate(DEMO_END);

  static boolean loaded;

  @Autowired Importers importers;
  @Autowired BoundaryIndexes boundaries;
  @Autowired ReferenceGeography reference;

  ApiClient analyst;

  @BeforeEach
  void load() throws Exception {
    analyst = signedIn("analist");
    if (loaded) {
      return;
    }
    importers.forLayer("area-statistics").orElseThrow().importFile(SharedGeodata.file(
        "registered-crime-oost-nederland.csv"), "registered-crime.csv", ImportMode.STRICT, ImportProgress.NONE);
    Path demo = dataDir.resolve("demo");
    new DemoDataGenerator(boundaries.boundaries(boundaries.newestVintage().orElseThrow()), reference,
        DemoDataGenerator.DEFAULT_SEED, DEMO_END, DemoDataGenerator.DEFAULT_INCIDENT_COUNT).writeFiles(demo);
    importers.forLayer("incidents").orElseThrow().importFile(demo.resolve("incidents.csv"), "incidents.csv",
        ImportMode.STRICT, ImportProgress.NONE);
    loaded = true;
  }

  @Test
  void residentialBurglaryInApeldoornFrom2015To2018OnTheRegisteredCrimeTable() throws Exception {
    JsonNode result = json(analyst.get("/api/v1/analysis/displacement?target=GM0200&category=1.1.1&source=statistics"
        + "&before=2015&after=2018"));

    Map<String, Long> burglary = new java.util.HashMap<>();
    List<String> lines = Files.readAllLines(SharedGeodata.file("registered-crime-oost-nederland.csv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      if (f[3].startsWith("1.1.1 ")) {
        burglary.put(f[0] + "/" + f[2], Long.parseLong(f[4]));
      }
    }
    assertThat(result.get("target").get("before").asLong()).isEqualTo(burglary.get("GM0200/2015"));
    assertThat(result.get("target").get("after").asLong()).isEqualTo(burglary.get("GM0200/2018"));
    List<String> buffer = new ArrayList<>();
    result.get("buffer").get("codes").forEach(code -> buffer.add(code.asString()));
    assertThat(buffer).isEqualTo(neighboursFromReferenceList("GM0200"));
    long bufferBefore = buffer.stream().mapToLong(code -> burglary.get(code + "/2015")).sum();
    assertThat(result.get("buffer").get("before").asLong()).isEqualTo(bufferBefore);
    // the control is the rest of the district Noord- en Oost-Gelderland
    List<String> control = new ArrayList<>();
    result.get("control").get("codes").forEach(code -> control.add(code.asString()));
    assertThat(control).doesNotContain("GM0200").doesNotContainAnyElementsOf(buffer)
        .allSatisfy(code -> assertThat(reference.municipality(code).orElseThrow().districtCode()).isEqualTo("VR06"));
    assertThat(result.get("wdd").get("estimate").asDouble())
        .isCloseTo(-result.get("totalNetEffect").asDouble(), within(1e-9));
    assertThat(result.get("wdd").get("ci90")).hasSize(2);
    assertThat(result.get("interpretation").get("nl").asString()).contains("Apeldoorn").contains(",");
    assertThat(result.get("interpretation").get("en").asString()).contains("WDD");
  }

  @Test
  void thePlantedDisplacementFromHengeloIsDetected() {
    JsonNode result = json(analyst.get("/api/v1/analysis/displacement?target=GM0164&category=woninginbraak"
        + "&interventionDate=" + INTERVENTION + "&window=P1Y"));

    assertThat(result.get("successMeasure").asDouble()).isNegative();
    assertThat(result.get("bufferDisplacementMeasure").asDouble()).isPositive();
    assertThat(result.get("wdq").asDouble()).isNegative();
    assertThat(result.get("bufferWdd").get("z").asDouble()).isGreaterThan(1.645);
    assertThat(result.get("interpretation").get("nl").asString()).contains("waterbedeffect");

    JsonNode overview = json(analyst.get("/api/v1/analysis/displacement/overview?category=woninginbraak"
        + "&interventionDate=" + INTERVENTION));
    assertThat(overview.get("municipalities")).hasSize(76);
    assertThat(row(overview, "GM0164").get("flag").asString()).isEqualTo("displacement");
    // Zwolle had no intervention and no planted change: no flag
    assertThat(row(overview, "GM0193").get("flag").isNull()).isTrue();
    long flagged = 0;
    for (JsonNode row : overview.get("municipalities")) {
      flagged += row.get("flag").isNull() ? 0 : 1;
    }
    assertThat(flagged).isLessThan(15);
  }

  @Test
  void ringBuffersAndDrawnTargetsWorkOnPointIncidents() {
    JsonNode ring = json(analyst.get("/api/v1/analysis/displacement?target=GM0164&category=woninginbraak"
        + "&interventionDate=" + INTERVENTION + "&buffer=ring:2000"));
    assertThat(ring.get("buffer").get("description").asString()).isEqualTo("a ring of 2000 m around the target");
    assertThat(ring.get("buffer").get("before").asLong() + ring.get("buffer").get("after").asLong()).isPositive();
    assertThat(ring.get("target").get("before").asLong()).isGreaterThan(ring.get("target").get("after").asLong());

    String square = """
        {"type":"Feature","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::28992"}},
         "geometry":{"type":"Polygon","coordinates":[[[245000,474000],[250000,474000],[250000,479000],
         [245000,479000],[245000,474000]]]},"properties":{}}""";
    HttpResponse<String> drawn = analyst.postJson("/api/v1/analysis/displacement?category=woninginbraak"
        + "&interventionDate=" + INTERVENTION + "&buffer=ring:1000", ApiClient.JSON.readTree(square));
    assertThat(drawn.statusCode()).as(drawn.body()).isEqualTo(200);
    assertThat(json(drawn).get("target").get("description").asString()).contains("drawn area (25.00 km²)");
  }

  @Test
  void zeroCountsAreNotDefinedWithAReason() {
    JsonNode result = json(analyst.get("/api/v1/analysis/displacement?target=GM0164&category=witwassen"
        + "&before=2010&after=2011"));

    assertThat(result.get("successMeasure").isNull()).isTrue();
    assertThat(result.get("wdq").isNull()).isTrue();
    assertThat(result.get("notDefined").get("successMeasure").asString()).contains("no incidents");
    assertThat(result.get("interpretation").get("nl").asString()).isNotBlank();
  }

  @Test
  void badRequestsAreNamed() {
    Map<String, String> bad = Map.of(
        "target", "/api/v1/analysis/displacement?target=GM0344&category=woninginbraak&before=2023&after=2024",
        "before", "/api/v1/analysis/displacement?target=GM0164&category=woninginbraak&interventionDate=2024-01-01"
            + "&before=2023",
        "interventionDate", "/api/v1/analysis/displacement?target=GM0164&category=woninginbraak",
        "buffer", "/api/v1/analysis/displacement?target=GM0164&category=1.1.1&source=statistics&before=2015"
            + "&after=2018&buffer=ring:500",
        "category", "/api/v1/analysis/displacement?target=GM0164&before=2023&after=2024",
        "control", "/api/v1/analysis/displacement?target=GM0164&category=woninginbraak&before=2023&after=2024"
            + "&control=GM0164",
        "after", "/api/v1/analysis/displacement?target=GM0164&category=woninginbraak&before=2023&after=2022",
        "window", "/api/v1/analysis/displacement?target=GM0164&category=woninginbraak&interventionDate=2024-01-01"
            + "&window=een-jaar");
    bad.forEach((parameter, path) -> assertThat(problem(analyst.get(path), 400).get("invalidParams").get(0)
        .get("name").asString()).as(path).isEqualTo(parameter));
  }

  @Test
  void aMunicipalityChecksItselfAndItsNeighboursOnly() {
    ApiClient admin = signedIn("beheer");
    admin.postJson("/api/v1/admin/users", Map.of("username", "gm-hengelo", "password", "lang-genoeg-wachtwoord",
        "role", "MUNICIPALITY", "municipality", "GM0164"));
    ApiClient hengelo = analyst.as("gm-hengelo", "lang-genoeg-wachtwoord");

    assertThat(hengelo.get("/api/v1/analysis/displacement?target=GM0164&category=woninginbraak&interventionDate="
        + INTERVENTION).statusCode()).isEqualTo(200);
    assertThat(hengelo.get("/api/v1/analysis/displacement?target=GM0153&category=woninginbraak&interventionDate="
        + INTERVENTION).statusCode()).isEqualTo(200);
    problem(hengelo.get("/api/v1/analysis/displacement?target=GM0200&category=woninginbraak&interventionDate="
        + INTERVENTION), 403);
    JsonNode overview = json(hengelo.get("/api/v1/analysis/displacement/overview?category=woninginbraak"
        + "&interventionDate=" + INTERVENTION));
    assertThat(overview.get("municipalities")).hasSize(1 + neighboursFromReferenceList("GM0164").size());
    problem(hengelo.get("/api/v1/analysis/hotspots"), 403);
  }

  private static JsonNode row(JsonNode overview, String code) {
    for (JsonNode row : overview.get("municipalities")) {
      if (row.get("code").asString().equals(code)) {
        return row;
      }
    }
    throw new AssertionError("no row " + code);
  }

  static List<String> neighboursFromReferenceList(String code) {
    try {
      TreeSet<String> neighbours = new TreeSet<>();
      for (String line : Files.readAllLines(SharedGeodata.file("neighbours-oost-nederland-2019.csv"))) {
        String[] pair = line.split(",");
        if (pair[0].equals(code)) {
          neighbours.add(pair[1]);
        }
      }
      return List.copyOf(neighbours);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
