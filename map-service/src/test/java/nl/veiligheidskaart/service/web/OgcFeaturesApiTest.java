package nl.veiligheidskaart.service.web;

import static nl.veiligheidskaart.service.web.ApiClient.json;
import static nl.veiligheidskaart.service.web.ApiClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/** OGC API – Features as its requirements read (Part 1 core and GeoJSON, Part 2 CRS), and per role. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "veiligheidskaart.demo-data=false")
class OgcFeaturesApiTest extends FreshServiceApiTest {

  static boolean loaded;

  ApiClient analyst;

  @BeforeEach
  void load() {
    analyst = signedIn("analist");
    if (!loaded) {
      ApiClient admin = signedIn("beheer");
      assertThat(admin.upload("/api/v1/import/incidents", IntakeApiTest.fixture("incidents-valid.csv")).statusCode())
          .isEqualTo(200);
      admin.upload("/api/v1/import/hemp-sites", IntakeApiTest.fixture("hemp-sites-valid.csv"));
      admin.postJson("/api/v1/admin/users", Map.of("username", "bbg-lid", "password", "lang-genoeg-wachtwoord",
          "role", "BBG"));
      loaded = true;
    }
  }

  @Test
  void landingPageAndConformance() {
    JsonNode landing = json(analyst.get("/ogc"));
    List<String> rels = new ArrayList<>();
    landing.get("links").forEach(link -> rels.add(link.get("rel").asString()));
    assertThat(rels).contains("self", "service-desc", "conformance", "data");
    assertThat(landing.get("links").get(0).get("href").asString()).startsWith(baseUrl() + "/ogc");

    JsonNode conformance = json(analyst.get("/ogc/conformance"));
    List<String> classes = new ArrayList<>();
    conformance.get("conformsTo").forEach(c -> classes.add(c.asString()));
    assertThat(classes).contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
        "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs");
  }

  @Test
  void collectionsDescribeExtentCrsAndItemsLinks() {
    JsonNode collections = json(analyst.get("/ogc/collections"));
    List<String> ids = new ArrayList<>();
    collections.get("collections").forEach(c -> ids.add(c.get("id").asString()));
    assertThat(ids).containsExactly("municipalities", "districts", "incidents", "hemp-sites", "holiday-parks",
        "omg-clubhouses");
    JsonNode municipalities = collections.get("collections").get(0);
    assertThat(municipalities.get("extent").get("spatial").get("bbox").get(0)).hasSize(4);
    assertThat(municipalities.get("crs").toString()).contains("EPSG/0/28992").contains("CRS84");
    assertThat(municipalities.get("storageCrs").asString()).isEqualTo("http://www.opengis.net/def/crs/EPSG/0/28992");
    assertThat(municipalities.get("links").toString()).contains("\"rel\":\"items\"");
    assertThat(json(analyst.get("/ogc/collections/districts")).get("id").asString()).isEqualTo("districts");
  }

  @Test
  void itemsArePagedWithCountsAndLinks() {
    HttpResponse<String> response = analyst.get("/ogc/collections/municipalities/items?limit=30");
    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/geo+json");
    JsonNode page = json(response);
    assertThat(page.get("numberMatched").asLong()).isEqualTo(76);
    assertThat(page.get("numberReturned").asInt()).isEqualTo(30);
    assertThat(page.get("features")).hasSize(30);
    assertThat(page.get("timeStamp").asString()).endsWith("Z");
    String next = link(page, "next");
    assertThat(next).contains("offset=30");

    JsonNode last = json(analyst.get("/ogc/collections/municipalities/items?limit=30&offset=60"));
    assertThat(last.get("numberReturned").asInt()).isEqualTo(16);
    assertThat(link(last, "next")).isNull();
    assertThat(link(last, "prev")).contains("offset=30");
  }

  @Test
  void bboxAndDatetimeFilter() {
    // around Apeldoorn in CRS84
    JsonNode apeldoorn = json(analyst.get("/ogc/collections/municipalities/items?bbox=5.95,52.2,5.97,52.22"));
    List<String> codes = new ArrayList<>();
    apeldoorn.get("features").forEach(f -> codes.add(f.get("properties").get("code").asString()));
    assertThat(codes).containsExactly("GM0200");
    // the same box in RD New
    JsonNode rd = json(analyst.get("/ogc/collections/municipalities/items?bbox=194000,469000,195000,470000"
        + "&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/28992"));
    assertThat(rd.get("numberMatched").asLong()).isEqualTo(1);

    JsonNode march = json(analyst.get("/ogc/collections/incidents/items?datetime=2024-03-02/2024-03-03"));
    List<String> ids = new ArrayList<>();
    march.get("features").forEach(f -> ids.add(f.get("id").asString()));
    assertThat(ids).containsExactlyInAnyOrder("BVH-002", "BVH-003", "BVH-004");
    JsonNode day = json(analyst.get("/ogc/collections/incidents/items?datetime=2024-03-01"));
    assertThat(day.get("numberMatched").asLong()).isEqualTo(1);
    JsonNode open = json(analyst.get("/ogc/collections/incidents/items?datetime=../2024-01-01&bbox=5.9,52.1,6.4,52.4"));
    assertThat(open.get("features").get(0).get("id").asString()).isEqualTo("BVH-005");

    JsonNode hemp = json(analyst.get("/ogc/collections/hemp-sites/items?datetime=2024-06-01/.."));
    assertThat(hemp.get("numberMatched").asLong()).isEqualTo(1);
  }

  @Test
  void rdNewOnRequestWithContentCrs() {
    HttpResponse<String> response = analyst.get("/ogc/collections/incidents/items/BVH-001?crs=EPSG:28992");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Crs")).contains("<http://www.opengis.net/def/crs/EPSG/0/28992>");
    assertThat(json(response).get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(194215.0);
  }

  @Test
  void badRequestsAnd404s() {
    for (String path : List.of("/ogc/collections/municipalities/items?bbox=5,53,6,52",
        "/ogc/collections/municipalities/items?bbox=1,2,3", "/ogc/collections/municipalities/items?colour=red",
        "/ogc/collections/incidents/items?datetime=gisteren", "/ogc/collections/incidents/items?limit=0")) {
      problem(analyst.get(path), 400);
    }
    problem(analyst.get("/ogc/collections/fietsen"), 404);
    problem(analyst.get("/ogc/collections/incidents/items/BESTAAT-NIET"), 404);
  }

  /** The OGC test suite and GDAL ask for the OpenAPI document by the media type the landing page gives. */
  @Test
  void theOpenApiDocumentDescribesTheQueryParametersAndSignIn() {
    HttpResponse<String> response = analyst.anonymous().getAccepting("/v3/api-docs",
        "application/vnd.oai.openapi+json;version=3.0");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .isEqualTo("application/vnd.oai.openapi+json;version=3.0");
    JsonNode openApi = json(response);
    assertThat(openApi.get("openapi").asString()).startsWith("3.0.");
    assertThat(openApi.get("components").get("securitySchemes").get("basic").toString())
        .contains("\"type\":\"http\"", "\"scheme\":\"basic\"");
    Map<String, JsonNode> parameters = new java.util.HashMap<>();
    openApi.get("paths").get("/ogc/collections/{id}/items").get("get").get("parameters")
        .forEach(p -> parameters.put(p.get("name").asString(), p));
    assertThat(parameters).containsKeys("bbox", "bbox-crs", "datetime", "limit", "offset", "crs")
        .doesNotContainKeys("parameters", "policy");
    List<String> tileParameters = new ArrayList<>();
    // one handler answers /ogc/collections/{id}/tiles/... and /ogc/layers/{id}/tiles/...
    String tileset = java.util.stream.StreamSupport.stream(openApi.get("paths").propertyNames().spliterator(), false)
        .filter(path -> path.matches("/ogc/\\{parent[^}]*}/\\{id}/tiles/\\{tileMatrixSetId}")).findFirst().orElseThrow();
    openApi.get("paths").get(tileset).get("get").get("parameters")
        .forEach(p -> tileParameters.add(p.get("name").asString()));
    assertThat(tileParameters).as("the reader's disclosure policy comes from the account, not the request")
        .containsExactlyInAnyOrder("parent", "id", "tileMatrixSetId", "category", "from", "to", "measure");
    assertThat(parameters.get("limit").get("schema").get("maximum").asInt()).isEqualTo(10_000);
    assertThat(parameters.get("limit").get("schema").get("type").asString()).isEqualTo("integer");
    assertThat(parameters.get("bbox").get("schema").get("minItems").asInt()).isEqualTo(4);
    assertThat(parameters.get("bbox").get("schema").get("maxItems").asInt()).isEqualTo(6);
    assertThat(parameters.get("bbox").get("explode").asBoolean()).isFalse();
  }

  /** Each link is encoded once, so a client follows next to the next page with the same filters. */
  @Test
  void pagingLinksKeepTheFiltersEncodedOnce() {
    JsonNode first = json(analyst.get("/ogc/collections/incidents/items?limit=2"
        + "&bbox=4.99%2C51.73%2C7.08%2C52.86&datetime=2023-12-31T00:00:00%2B01:00/2024-03-04"));
    assertThat(first.get("numberMatched").asLong()).isEqualTo(5);
    String next = link(first, "next");
    assertThat(next).doesNotContain("%25").contains("bbox=4.99%2C51.73%2C7.08%2C52.86")
        .contains("datetime=2023-12-31T00%3A00%3A00%2B01%3A00%2F2024-03-04").contains("offset=2");
    List<String> ids = new ArrayList<>();
    first.get("features").forEach(f -> ids.add(f.get("id").asString()));
    JsonNode page = first;
    while ((next = link(page, "next")) != null) {
      HttpResponse<String> response = analyst.get(next.substring(baseUrl().length()));
      assertThat(response.statusCode()).as(next).isEqualTo(200);
      page = json(response);
      page.get("features").forEach(f -> ids.add(f.get("id").asString()));
    }
    assertThat(ids).containsExactlyInAnyOrder("BVH-001", "BVH-002", "BVH-003", "BVH-004", "BVH-005");
    assertThat(link(page, "prev")).contains("offset=2");
  }

  /** Part 2: only the CRSs the collections list; EPSG:4326 would be read latitude first by the client. */
  @Test
  void crsThatTheCollectionsDoNotListAreRefused() {
    for (String crs : List.of("http://www.opengis.net/def/crs/EPSG/0/4326", "EPSG:3857", "EPSG:4258")) {
      assertThat(problem(analyst.get("/ogc/collections/municipalities/items?crs=" + crs), 400).toString())
          .contains("\"name\":\"crs\"");
      assertThat(problem(analyst.get("/ogc/collections/municipalities/items?bbox=5,52,6,53&bbox-crs=" + crs), 400)
          .toString()).contains("\"name\":\"bbox-crs\"");
      problem(analyst.get("/ogc/collections/incidents/items/BVH-001?crs=" + crs), 400);
    }
    assertThat(analyst.get("/ogc/collections/municipalities/items?crs=http://www.opengis.net/def/crs/OGC/1.3/CRS84")
        .statusCode()).isEqualTo(200);
  }

  @Test
  void aSingleFeatureLinksToItselfAndItsCollection() {
    JsonNode feature = json(analyst.get("/ogc/collections/incidents/items/BVH-001?crs=EPSG:28992"));
    assertThat(feature.get("type").asString()).isEqualTo("Feature");
    assertThat(link(feature, "self")).isEqualTo(baseUrl()
        + "/ogc/collections/incidents/items/BVH-001?crs=http%3A%2F%2Fwww.opengis.net%2Fdef%2Fcrs%2FEPSG%2F0%2F28992");
    assertThat(link(feature, "collection")).isEqualTo(baseUrl() + "/ogc/collections/incidents");
    assertThat(json(analyst.get(link(feature, "self").substring(baseUrl().length())))
        .get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(194215.0);
  }

  /** OGC API Features 7.15.3: six numbers carry heights; in CRS84 minx > maxx crosses the antimeridian. */
  @Test
  void boxesWithHeightsAndAcrossTheAntimeridian() {
    JsonNode withHeights = json(analyst.get("/ogc/collections/municipalities/items?bbox=5.95,52.2,-10,5.97,52.22,100"));
    assertThat(withHeights.get("numberMatched").asLong()).isEqualTo(1);
    assertThat(withHeights.get("features").get(0).get("properties").get("code").asString()).isEqualTo("GM0200");
    // from 170 E eastwards over the antimeridian to 6 E: the whole west of the region
    JsonNode across = json(analyst.get("/ogc/collections/municipalities/items?bbox=170,50,6,55&limit=100"));
    JsonNode west = json(analyst.get("/ogc/collections/municipalities/items?bbox=-180,50,6,55&limit=100"));
    assertThat(across.get("numberMatched").asLong()).isEqualTo(west.get("numberMatched").asLong()).isBetween(1L, 75L);
    JsonNode nowhere = json(analyst.get("/ogc/collections/municipalities/items?bbox=170,50,-170,55"));
    assertThat(nowhere.get("numberMatched").asLong()).isZero();
  }

  /** Hostile or meaningless boxes are the client's mistake: 400 naming bbox, never 500. */
  @Test
  void impossibleBoxesAreRefusedNamingTheParameter() {
    for (String bbox : List.of("-1e308,-1e308,1e308,1e308", "0,0,0,0", "NaN,52,6,53", "5,52,Infinity,53",
        "5,52,6,1e400", "5,52,6", "5,52,6,53,7", "5,,6,53", "5,91,6,92", "200,52,210,53", "5,52,5,53")) {
      assertThat(problem(analyst.get("/ogc/collections/incidents/items?bbox=" + bbox), 400).toString())
          .as(bbox).contains("\"name\":\"bbox\"");
    }
    problem(analyst.get("/ogc/collections/incidents/items?bbox=300000,500000,200000,600000"
        + "&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/28992"), 400);
    // a box in RD New larger than the Netherlands is a box around everything
    assertThat(json(analyst.get("/ogc/collections/incidents/items?bbox=-1e308,-1e308,1e308,1e308"
        + "&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/28992")).get("numberMatched").asLong()).isEqualTo(5);
  }

  /** Part 3: filters in CQL2 text and JSON on the queryables, evaluated by the service (QGIS and GDAL push them). */
  @Test
  void cql2FiltersInTextAndJson() {
    Cql2FilterChecks.assertFilters(analyst);
  }

  @Test
  void browsersGetTheLandingPageAsHtml() {
    HttpResponse<String> page = analyst.getAccepting("/ogc", "text/html");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(page.body()).contains("<h1>Veiligheidskaart Oost-Nederland</h1>")
        .contains("href=\"" + baseUrl() + "/ogc/collections\"");
    HttpResponse<String> list = analyst.getAccepting("/ogc/collections", "text/html");
    assertThat(list.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(list.body()).contains("/ogc/collections/incidents/items\">incidents</a>");
    assertThat(analyst.getAccepting("/ogc/collections/incidents", "text/html").body())
        .contains("<h2>Queryables</h2>", "<td>occurredAt</td><td>date-time</td>");
    HttpResponse<String> items = analyst.getAccepting("/ogc/collections/incidents/items?limit=2"
        + "&datetime=2024-03-02/2024-03-03", "text/html");
    assertThat(items.statusCode()).isEqualTo(200);
    assertThat(items.body()).contains("2 of 3 features", "<th>category</th>", "/ogc/collections/incidents/items/BVH-00",
        "class=\"ogc-kaart\" data-features=\"" + baseUrl()
            + "/ogc/collections/incidents/items?limit=2&amp;datetime=2024-03-02%2F2024-03-03&amp;offset=0\"",
        "/app/ogc-map.js").doesNotContain("<script>");
    // the map's own request gets the same page as GeoJSON
    assertThat(json(analyst.getAccepting("/ogc/collections/incidents/items?limit=2"
        + "&datetime=2024-03-02%2F2024-03-03&offset=0", "application/geo+json")).get("numberReturned").asInt())
        .isEqualTo(2);
  }

  @Test
  void rawDataIsForAnalystsOnly() {
    ApiClient board = analyst.as("bbg-lid", "lang-genoeg-wachtwoord");
    List<String> ids = new ArrayList<>();
    json(board.get("/ogc/collections")).get("collections").forEach(c -> ids.add(c.get("id").asString()));
    assertThat(ids).containsExactly("municipalities", "districts");
    problem(board.get("/ogc/collections/incidents/items"), 403);
    problem(board.get("/ogc/collections/hemp-sites"), 403);
    assertThat(board.get("/ogc/collections/districts/items").statusCode()).isEqualTo(200);
  }

  static String link(JsonNode page, String rel) {
    for (JsonNode link : page.get("links")) {
      if (link.get("rel").asString().equals(rel)) {
        return link.get("href").asString();
      }
    }
    return null;
  }
}
