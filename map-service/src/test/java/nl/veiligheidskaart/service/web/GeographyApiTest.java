package nl.veiligheidskaart.service.web;

import static nl.veiligheidskaart.service.web.ApiClient.json;
import static nl.veiligheidskaart.service.web.ApiClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.veiligheidskaart.service.SharedGeodata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/** The geography API over HTTP, on the embedded database with the real 2019 boundaries. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "veiligheidskaart.demo-data=false")
class GeographyApiTest extends FreshServiceApiTest {

  ApiClient analyst;

  @BeforeEach
  void signIn() {
    analyst = signedIn("analist");
  }

  @Test
  void municipalitiesAreGeoJsonInCrs84ByDefault() {
    HttpResponse<String> response = analyst.get("/api/v1/municipalities");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/geo+json");
    assertThat(response.headers().firstValue("Content-Crs")).contains("<http://www.opengis.net/def/crs/OGC/1.3/CRS84>");
    JsonNode collection = json(response);
    assertThat(collection.get("type").asString()).isEqualTo("FeatureCollection");
    assertThat(collection.has("crs")).isFalse();
    assertThat(collection.get("features")).hasSize(76);

    JsonNode apeldoorn = feature(collection, "GM0200");
    assertThat(apeldoorn.get("properties").get("name").asString()).isEqualTo("Apeldoorn");
    assertThat(apeldoorn.get("properties").get("province").asString()).isEqualTo("Gelderland");
    assertThat(apeldoorn.get("properties").get("district").asString()).isEqualTo("Noord- en Oost-Gelderland");
    assertThat(apeldoorn.get("geometry").get("type").asString()).isEqualTo("MultiPolygon");
    for (double[] lonLat : coordinates(apeldoorn.get("geometry"))) {
      assertThat(lonLat[0]).isBetween(5.7, 6.2);
      assertThat(lonLat[1]).isBetween(52.0, 52.4);
    }
  }

  @Test
  void municipalitiesInRdNewOnRequest() {
    HttpResponse<String> response = analyst.get("/api/v1/municipalities?crs=EPSG:28992");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Crs")).contains("<http://www.opengis.net/def/crs/EPSG/0/28992>");
    JsonNode collection = json(response);
    assertThat(collection.get("crs").get("properties").get("name").asString()).isEqualTo("urn:ogc:def:crs:EPSG::28992");
    // The first vertex of Almelo in the source file, unchanged.
    assertThat(coordinates(feature(collection, "GM0141").get("geometry")))
        .anySatisfy(xy -> assertThat(xy).containsExactly(244263.0, 490352.0));
  }

  @Test
  void oneMunicipalityListsItsNeighboursAsInTheReferenceList() throws IOException {
    JsonNode zutphen = json(analyst.get("/api/v1/municipalities/GM0301"));

    List<String> expected = new ArrayList<>(new TreeSet<>(neighboursFromReferenceList().get("GM0301")));
    List<String> actual = new ArrayList<>();
    zutphen.get("properties").get("neighbours").forEach(n -> actual.add(n.asString()));
    assertThat(actual).isEqualTo(expected).isNotEmpty();
    assertThat(zutphen.get("type").asString()).isEqualTo("Feature");
  }

  @Test
  void districtsByCodeAndByName() {
    JsonNode districts = json(analyst.get("/api/v1/districts"));
    assertThat(districts.get("features")).hasSize(5);

    JsonNode byCode = json(analyst.get("/api/v1/districts/VR07"));
    JsonNode byName = json(analyst.get("/api/v1/districts/Gelderland-Midden"));
    assertThat(byCode.get("properties").get("name").asString()).isEqualTo("Gelderland-Midden");
    assertThat(byName.get("properties").get("code").asString()).isEqualTo("VR07");
    assertThat(byCode.get("properties").get("municipalities")).hasSize(15);
  }

  @Test
  void unknownCodesAre404ProblemJson() {
    assertThat(problem(analyst.get("/api/v1/municipalities/GM9999"), 404).get("detail").asString())
        .isEqualTo("No municipality with code 'GM9999' in Oost-Nederland");
    assertThat(problem(analyst.get("/api/v1/districts/VR99"), 404).get("detail").asString())
        .isEqualTo("No district 'VR99' in Oost-Nederland");
  }

  @Test
  void anUnknownCrsIs400NamingTheParameter() {
    JsonNode problem = problem(analyst.get("/api/v1/municipalities?crs=EPSG:9999"), 400);

    assertThat(problem.get("invalidParams").get(0).get("name").asString()).isEqualTo("crs");
    assertThat(problem.get("detail").asString()).contains("EPSG:28992");
  }

  @Test
  void withoutCredentialsTheApiAnswers401AndHealthStaysOpen() {
    HttpResponse<String> denied = analyst.anonymous().get("/api/v1/municipalities");
    problem(denied, 401);
    assertThat(denied.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"Veiligheidskaart\"");
    assertThat(analyst.as("analist", "wrong-password").get("/api/v1/municipalities").statusCode()).isEqualTo(401);
    assertThat(analyst.anonymous().get("/ogc/collections").statusCode()).isEqualTo(401);

    HttpResponse<String> health = analyst.anonymous().get("/actuator/health");
    assertThat(health.statusCode()).isEqualTo(200);
    // the status and the probe groups a load balancer may ask, no details of the components
    assertThat(health.body()).isEqualTo("{\"groups\":[\"liveness\",\"readiness\"],\"status\":\"UP\"}");
  }

  @Test
  void theOpenApiDescriptionListsTheEndpoints() {
    HttpResponse<String> response = analyst.anonymous().get("/v3/api-docs");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode paths = json(response).get("paths");
    assertThat(paths.has("/api/v1/municipalities")).isTrue();
    assertThat(paths.has("/api/v1/municipalities/{code}")).isTrue();
    assertThat(paths.has("/api/v1/districts")).isTrue();
    assertThat(paths.has("/api/v1/admin/users")).isTrue();
  }

  @Test
  void theViewerIsServedBehindTheLoginPage() {
    HttpResponse<String> root = analyst.anonymous().getPage("/");
    assertThat(root.statusCode()).isEqualTo(302);
    assertThat(root.headers().firstValue("Location").orElseThrow()).endsWith("/login.html");

    HttpResponse<String> login = analyst.anonymous().getPage("/login.html");
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.body()).contains("Inloggen");
    assertThat(login.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline"));

    HttpResponse<String> viewer = analyst.getPage("/");
    assertThat(viewer.statusCode()).isEqualTo(200);
    assertThat(viewer.body()).contains("/webjars/leaflet/dist/leaflet.js");
    assertThat(analyst.anonymous().get("/webjars/leaflet/dist/leaflet.js").statusCode()).isEqualTo(200);
  }

  private static JsonNode feature(JsonNode collection, String code) {
    for (JsonNode feature : collection.get("features")) {
      if (feature.get("properties").get("code").asString().equals(code)) {
        return feature;
      }
    }
    throw new AssertionError("no feature " + code);
  }

  /** All positions of a (Multi)Polygon geometry. */
  static List<double[]> coordinates(JsonNode geometry) {
    List<double[]> positions = new ArrayList<>();
    collect(geometry.get("coordinates"), positions);
    return positions;
  }

  private static void collect(JsonNode node, List<double[]> positions) {
    if (node.isArray() && node.size() >= 2 && node.get(0).isNumber()) {
      positions.add(new double[] {node.get(0).asDouble(), node.get(1).asDouble()});
    } else {
      node.forEach(child -> collect(child, positions));
    }
  }

  static Map<String, List<String>> neighboursFromReferenceList() throws IOException {
    Map<String, List<String>> neighbours = new TreeMap<>();
    List<String> lines = Files.readAllLines(SharedGeodata.file("neighbours-oost-nederland-2019.csv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] pair = line.split(",");
      neighbours.computeIfAbsent(pair[0], k -> new ArrayList<>()).add(pair[1]);
    }
    return neighbours;
  }
}
