package nl.veiligheidskaart.service.web;

import static nl.veiligheidskaart.service.web.ApiClient.json;
import static nl.veiligheidskaart.service.web.ApiClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.geodata.crs.CrsTransform;
import nl.veiligheidskaart.geodata.io.GeoJsonGeometries;
import nl.veiligheidskaart.geodata.reference.ReferenceGeography;
import nl.veiligheidskaart.service.audit.AuditEntryRepository;
import nl.veiligheidskaart.service.demo.DemoDataGenerator;
import nl.veiligheidskaart.service.geography.BoundaryIndexes;
import nl.veiligheidskaart.service.intake.ImportMode;
import nl.veiligheidskaart.service.intake.ImportProgress;
import nl.veiligheidskaart.service.intake.Importers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The register of interventions over HTTP, on demo incidents with the displacement from Hengelo
 * planted: the waterbed check that follows a registration is the displacement endpoint's answer,
 * raises the alert, follows new incidents, and each role may register only where it should.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "veiligheidskaart.demo-data=false")
class InterventionApiTest extends FreshServiceApiTest {

  static final LocalDate INTERVENTION = DisplacementApiTest.INTERVENTION;
  static final String HENGELO = DemoDataGenerator.DISPLACEMENT.municipalityCode();

  static boolean loaded;

  @Autowired Importers importers;
  @Autowired BoundaryIndexes boundaries;
  @Autowired ReferenceGeography reference;
  @Autowired AuditEntryRepository audit;

  ApiClient analyst;

  @BeforeEach
  void load() throws Exception {
    analyst = signedIn("analist");
    if (loaded) {
      return;
    }
    Path demo = dataDir.resolve("demo");
    new DemoDataGenerator(boundaries.boundaries(boundaries.newestVintage().orElseThrow()), reference,
        DemoDataGenerator.DEFAULT_SEED, DisplacementApiTest.DEMO_END, DemoDataGenerator.DEFAULT_INCIDENT_COUNT)
        .writeFiles(demo);
    importers.forLayer("incidents").orElseThrow().importFile(demo.resolve("incidents.csv"), "incidents.csv",
        ImportMode.STRICT, ImportProgress.NONE);
    loaded = true;
  }

  @Test
  void registeringHengelosCrackdownGivesTheDisplacementEndpointsAnswersAndAnAlert() {
    HttpResponse<String> created = analyst.postJson("/api/v1/interventions", Map.of("type", "integrale-controle",
        "municipality", HENGELO, "date", INTERVENTION.toString(), "categories", List.of("woninginbraak"),
        "description", "Woninginbraakaanpak Hengelo"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode intervention = json(created);
    long id = intervention.get("id").asLong();
    assertThat(created.headers().firstValue("Location")).contains("/api/v1/interventions/" + id);
    assertThat(intervention.get("typeLabel").asString()).isEqualTo("Integrale controle");
    assertThat(intervention.get("municipalityName").asString()).isEqualTo("Hengelo");

    JsonNode waterbed = intervention.get("waterbed");
    assertThat(waterbed).hasSize(3);
    List<String> windows = new ArrayList<>();
    for (JsonNode check : waterbed) {
      String window = check.get("window").asString();
      windows.add(window);
      assertThat(check.get("complete").asBoolean()).isTrue();
      JsonNode endpoint = json(analyst.get("/api/v1/analysis/displacement?target=" + HENGELO
          + "&category=woninginbraak&interventionDate=" + INTERVENTION + "&window=" + window));
      assertThat(withoutWindow(check)).as(window).isEqualTo(endpoint);
    }
    assertThat(windows).containsExactly("P3M", "P6M", "P12M");
    // the same answers on a second read (from the cache) and on the intervention's own address
    assertThat(json(analyst.get("/api/v1/interventions/" + id)).get("waterbed")).isEqualTo(waterbed);

    JsonNode alerts = json(analyst.get("/api/v1/alerts"));
    assertThat(alerts).isNotEmpty();
    JsonNode alert = alerts.get(0);
    assertThat(alert.get("interventionId").asLong()).isEqualTo(id);
    assertThat(alert.get("municipality").asString()).isEqualTo(HENGELO);
    assertThat(alert.get("bufferP").asDouble()).isLessThan(0.05);
    assertThat(alert.get("bufferDisplacementMeasure").asDouble()).isPositive();
    for (JsonNode a : alerts) {
      JsonNode check = checkOf(waterbed, a.get("window").asString());
      assertThat(check.get("bufferWdd").get("p").asDouble()).isEqualTo(a.get("bufferP").asDouble());
    }
  }

  @Test
  void aDrawnAreaIsCheckedAgainstItsRingAsTheEndpointChecksIt() throws Exception {
    Geometry square = squareInside(HENGELO);
    HttpResponse<String> created = analyst.postJson("/api/v1/interventions", Map.of("type", "cameratoezicht",
        "geometry", ApiClient.JSON.readTree(GeoJsonGeometries.write(CrsTransform.transform(square, Crs.RD_NEW,
            Crs.WGS84), 7)), "date", INTERVENTION.toString(), "categories", List.of("woninginbraak")));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode intervention = json(created);
    assertThat(intervention.get("target").asString()).isEqualTo("area");
    assertThat(intervention.get("municipality").asString()).isEqualTo(HENGELO);
    assertThat(intervention.get("geometry").get("type").asString()).isEqualTo("MultiPolygon");

    JsonNode check = checkOf(intervention.get("waterbed"), "P6M");
    String rd = "{\"type\":\"Feature\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::28992\"}},"
        + "\"geometry\":" + GeoJsonGeometries.write(square, 2) + ",\"properties\":{}}";
    JsonNode endpoint = json(analyst.postJson("/api/v1/analysis/displacement?category=woninginbraak&interventionDate="
        + INTERVENTION + "&window=P6M", ApiClient.JSON.readTree(rd)));
    assertThat(check.get("buffer").get("description").asString()).isEqualTo("a ring of 500 m around the target");
    // the stored area went to CRS84 and back: the counts and measures are the endpoint's
    assertThat(withoutWindow(check).get("target").get("before")).isEqualTo(endpoint.get("target").get("before"));
    assertThat(withoutWindow(check).get("buffer")).isEqualTo(endpoint.get("buffer"));
    assertThat(withoutWindow(check).get("wdd")).isEqualTo(endpoint.get("wdd"));
  }

  @Test
  void theCheckFollowsIncidentsThatArriveAfterTheRegistration() throws Exception {
    long id = json(analyst.postJson("/api/v1/interventions", Map.of("type", "hennepruiming", "municipality", HENGELO,
        "date", INTERVENTION.toString(), "categories", List.of("hennep")))).get("id").asLong();
    long before = checkOf(json(analyst.get("/api/v1/interventions/" + id)).get("waterbed"), "P3M")
        .get("target").get("after").asLong();

    Geometry inside = squareInside(HENGELO);
    Coordinate centre = inside.getCentroid().getCoordinate();
    StringBuilder csv = new StringBuilder("source_id,category,occurred_at,x,y\n");
    for (int i = 0; i < 7; i++) {
      csv.append("late-").append(i).append(",hennep,").append(INTERVENTION.plusDays(10 + i)).append(',')
          .append(Math.round(centre.x)).append(',').append(Math.round(centre.y)).append('\n');
    }
    Path late = dataDir.resolve("late-incidents.csv");
    Files.writeString(late, csv, StandardCharsets.UTF_8);
    assertThat(importers.forLayer("incidents").orElseThrow().importFile(late, "late.csv", ImportMode.STRICT,
        ImportProgress.NONE).accepted()).isEqualTo(7);

    JsonNode after = checkOf(json(analyst.get("/api/v1/interventions/" + id)).get("waterbed"), "P3M");
    assertThat(after.get("target").get("after").asLong()).isEqualTo(before + 7);
    assertThat(withoutWindow(after)).isEqualTo(json(analyst.get("/api/v1/analysis/displacement?target=" + HENGELO
        + "&category=hennep&interventionDate=" + INTERVENTION + "&window=P3M")));
  }

  @Test
  void aMunicipalityRegistersForItselfOnlyAndEveryRefusalIsAudited() throws Exception {
    ApiClient hengelo = signedIn("beheer").account("gm-hengelo", "MUNICIPALITY", HENGELO);
    String enschede = "GM0153";

    HttpResponse<String> elsewhere = hengelo.postJson("/api/v1/interventions", Map.of("type", "gebiedsverbod",
        "municipality", enschede, "date", INTERVENTION.toString(), "categories", List.of("woninginbraak")));
    assertThat(problem(elsewhere, 403).get("detail").asString()).contains(enschede);
    HttpResponse<String> drawnElsewhere = hengelo.postJson("/api/v1/interventions", Map.of("type", "gebiedsverbod",
        "geometry", ApiClient.JSON.readTree(GeoJsonGeometries.write(CrsTransform.transform(squareInside(enschede),
            Crs.RD_NEW, Crs.WGS84), 7)), "date", INTERVENTION.toString(), "categories", List.of("woninginbraak")));
    problem(drawnElsewhere, 403);
    assertThat(audit.findByUsernameOrderByIdDesc("gm-hengelo"))
        .filteredOn(entry -> entry.getEndpoint().equals("/api/v1/interventions") && entry.getStatus() == 403)
        .hasSize(2);

    HttpResponse<String> own = hengelo.postJson("/api/v1/interventions", Map.of("type", "gebiedsverbod",
        "municipality", HENGELO, "date", INTERVENTION.toString(), "categories", List.of("woninginbraak")));
    assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
    long id = json(own).get("id").asLong();
    assertThat(audit.findByUsernameOrderByIdDesc("gm-hengelo"))
        .anySatisfy(entry -> {
          assertThat(entry.getMethod()).isEqualTo("POST");
          assertThat(entry.getStatus()).isEqualTo(201);
          assertThat(entry.getArea()).isEqualTo(HENGELO);
        });
    // the municipality's answer passes its disclosure policy exactly as the displacement endpoint's does
    for (JsonNode check : json(own).get("waterbed")) {
      JsonNode endpoint = json(hengelo.get("/api/v1/analysis/displacement?target=" + HENGELO
          + "&category=woninginbraak&interventionDate=" + INTERVENTION + "&window=" + check.get("window").asString()));
      assertThat(withoutWindow(check)).isEqualTo(endpoint);
      assertThat(check.get("target").get("before").asLong() % 5).isZero();
    }
    // an analyst's intervention in Enschede: the municipality may not change or remove it
    long theirs = json(analyst.postJson("/api/v1/interventions", Map.of("type", "gebiedsverbod", "municipality",
        enschede, "date", INTERVENTION.toString(), "categories", List.of("woninginbraak")))).get("id").asLong();
    problem(hengelo.delete("/api/v1/interventions/" + theirs), 403);
    problem(hengelo.putJson("/api/v1/interventions/" + id, Map.of("type", "gebiedsverbod", "municipality", enschede,
        "date", INTERVENTION.toString(), "categories", List.of("woninginbraak"))), 403);
    // BBG reads, but does not register
    ApiClient board = signedIn("beheer").account("bbg-lid", "BBG", null);
    assertThat(board.get("/api/v1/interventions/" + theirs).statusCode()).isEqualTo(200);
    // a date within a month: the endpoint refuses such a check to every account but an analyst's, and says why
    long midMonth = json(analyst.postJson("/api/v1/interventions", Map.of("type", "cameratoezicht", "municipality",
        enschede, "date", INTERVENTION.plusDays(14).toString(), "categories", List.of("woninginbraak"))))
        .get("id").asLong();
    HttpResponse<String> refusedToTheBoard = board.get("/api/v1/interventions/" + midMonth);
    assertThat(refusedToTheBoard.statusCode()).as(refusedToTheBoard.body()).isEqualTo(200);
    JsonNode refusedCheck = json(refusedToTheBoard).get("waterbed").get(0);
    assertThat(refusedCheck.get("refused").asString()).contains("first day of a month");
    assertThat(refusedCheck.get("wdd")).isNull();
    assertThat(board.get("/api/v1/alerts").statusCode()).isEqualTo(200);
    assertThat(board.get("/api/v1/interventions").statusCode()).isEqualTo(200);
    problem(board.postJson("/api/v1/interventions", Map.of("type", "gebiedsverbod", "municipality", enschede,
        "date", INTERVENTION.toString(), "categories", List.of("woninginbraak"))), 403);

    assertThat(hengelo.delete("/api/v1/interventions/" + id).statusCode()).isEqualTo(204);
    problem(hengelo.get("/api/v1/interventions/" + id), 404);
  }

  @Test
  void badRegistrationsAreRefusedNamingTheField() {
    Map<String, Object> good = Map.of("type", "damocles-sluiting", "municipality", HENGELO, "date",
        INTERVENTION.toString(), "categories", List.of("hennep"));
    assertThat(refusedField(with(good, "type", "razzia"))).isEqualTo("type");
    assertThat(refusedField(with(good, "date", "1-2-2024"))).isEqualTo("date");
    assertThat(refusedField(with(good, "date", LocalDate.now().plusDays(40).toString()))).isEqualTo("date");
    assertThat(refusedField(with(good, "categories", List.of("appeltaart")))).isEqualTo("categories");
    assertThat(refusedField(with(good, "municipality", "GM9999"))).isEqualTo("municipality");
    Map<String, Object> noTarget = new HashMap<>(good);
    noTarget.remove("municipality");
    assertThat(refusedField(noTarget)).isEqualTo("municipality");
    Map<String, Object> bowtie = new HashMap<>(noTarget);
    bowtie.put("geometry", Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(6.7, 52.2),
        List.of(6.8, 52.3), List.of(6.8, 52.2), List.of(6.7, 52.3), List.of(6.7, 52.2)))));
    assertThat(refusedField(bowtie)).isEqualTo("geometry");
    Map<String, Object> aPoint = new HashMap<>(noTarget);
    aPoint.put("geometry", Map.of("type", "Point", "coordinates", List.of(6.79, 52.26)));
    assertThat(refusedField(aPoint)).isEqualTo("geometry");
    Map<String, Object> overTheBorder = new HashMap<>(noTarget);
    overTheBorder.put("geometry", Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(8.0, 52.0),
        List.of(8.1, 52.0), List.of(8.1, 52.1), List.of(8.0, 52.0)))));
    assertThat(refusedField(overTheBorder)).isEqualTo("geometry");
    assertThat(refusedField(analyst.get("/api/v1/interventions?from=gisteren"))).isEqualTo("from");
    assertThat(refusedField(analyst.get("/api/v1/interventions?type=razzia"))).isEqualTo("type");
  }

  @Test
  void theRegisterListsByMunicipalityTypeAndPeriodAndGoesOutAndInAsCsv() throws Exception {
    ApiClient admin = signedIn("beheer");
    long zwolle = json(analyst.postJson("/api/v1/interventions", Map.of("type", "controle-vakantiepark",
        "municipality", "GM0193", "date", "2024-06-15", "categories", List.of("vakantieparken", "ondermijning"),
        "description", "=HYPERLINK(\"x\")"))).get("id").asLong();
    JsonNode zwolles = json(analyst.get("/api/v1/interventions?municipality=GM0193&type=controle-vakantiepark"
        + "&from=2024-06-01&to=2024-06-30"));
    assertThat(zwolles).hasSize(1);
    assertThat(zwolles.get(0).get("id").asLong()).isEqualTo(zwolle);
    assertThat(zwolles.get(0).get("waterbed")).hasSize(6);
    assertThat(json(analyst.get("/api/v1/interventions?municipality=GM0193&to=2024-06-14"))).isEmpty();

    HttpResponse<String> export = analyst.get("/api/v1/interventions/export?municipality=GM0193");
    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    List<String> lines = export.body().lines().toList();
    assertThat(lines.get(0)).isEqualTo("id,type,municipality,date,categories,description,geometry,registered_by,"
        + "registered_at");
    assertThat(lines.get(1)).startsWith(zwolle + ",controle-vakantiepark,GM0193,2024-06-15,"
        + "\"vakantieparken,ondermijning\",\"'=HYPERLINK(");

    // the export, edited, imports back: the row with an id replaces it, a new row is added
    String edited = export.body().replace("2024-06-15", "2024-06-16")
        + ",hennepruiming,GM0193,2024-07-01,hennep,,,,\n";
    JsonNode report = json(admin.upload("/api/v1/import/interventions?mode=strict", "interventies.csv",
        edited.getBytes(StandardCharsets.UTF_8)));
    assertThat(report.get("accepted").asLong()).as(report.toString()).isEqualTo(2);
    JsonNode replaced = json(analyst.get("/api/v1/interventions/" + zwolle));
    assertThat(replaced.get("date").asString()).isEqualTo("2024-06-16");
    assertThat(replaced.get("description").asString()).isEqualTo("=HYPERLINK(\"x\")");
    assertThat(json(analyst.get("/api/v1/interventions?municipality=GM0193"))).hasSize(2);

    // strict: a bad line refuses the file whole, naming line and column
    String bad = "type,municipality,date,categories\nhennepruiming,GM0193,2024-08-01,hennep\n"
        + "razzia,GM0193,2024-08-02,hennep\nhennepruiming,GM0193,2024-08-03,appeltaart\n";
    HttpResponse<String> refused = admin.upload("/api/v1/import/interventions?mode=strict", "bad.csv",
        bad.getBytes(StandardCharsets.UTF_8));
    JsonNode problem = problem(refused, 400);
    JsonNode errors = problem.get("errors");
    assertThat(errors.get(0).get("line").asLong()).isEqualTo(3);
    assertThat(errors.get(0).get("column").asString()).isEqualTo("type");
    assertThat(errors.get(1).get("line").asLong()).isEqualTo(4);
    assertThat(errors.get(1).get("column").asString()).isEqualTo("categories");
    assertThat(json(analyst.get("/api/v1/interventions?municipality=GM0193"))).hasSize(2);
    // lenient: the good row goes in
    HttpResponse<String> lenient = admin.upload("/api/v1/import/interventions?mode=lenient", "bad.csv",
        bad.getBytes(StandardCharsets.UTF_8));
    assertThat(lenient.statusCode()).as(lenient.body()).isEqualTo(200);
    assertThat(json(lenient).get("accepted").asLong()).isEqualTo(1);
    assertThat(json(analyst.get("/api/v1/interventions?municipality=GM0193"))).hasSize(3);
  }

  private String refusedField(Map<String, Object> body) {
    return refusedField(analyst.postJson("/api/v1/interventions", body));
  }

  private static String refusedField(HttpResponse<String> response) {
    return problem(response, 400).get("invalidParams").get(0).get("name").asString();
  }

  private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
    Map<String, Object> changed = new HashMap<>(body);
    changed.put(key, value);
    return changed;
  }

  /** A square of 1.2 km² well inside a municipality, in RD New. */
  private Geometry squareInside(String code) {
    Geometry boundary = boundaries.boundaries(boundaries.newestVintage().orElseThrow()).get(code);
    Coordinate centre = boundary.buffer(-800).getInteriorPoint().getCoordinate();
    Envelope square = new Envelope(centre.x - 550, centre.x + 550, centre.y - 550, centre.y + 550);
    Geometry geometry = new GeometryFactory(new PrecisionModel(), Crs.RD_NEW.epsg()).toGeometry(square);
    assertThat(boundary.contains(geometry)).isTrue();
    return geometry;
  }

  private static JsonNode checkOf(JsonNode waterbed, String window) {
    for (JsonNode check : waterbed) {
      if (check.get("window").asString().equals(window)) {
        return check;
      }
    }
    throw new AssertionError("no window " + window + " in " + waterbed);
  }

  /** The check without what only the register says (window, completeness): the endpoint's answer. */
  private static JsonNode withoutWindow(JsonNode check) {
    ObjectNode copy = (ObjectNode) check.deepCopy();
    copy.remove("window");
    copy.remove("complete");
    copy.remove("completeOn");
    return copy;
  }
}
