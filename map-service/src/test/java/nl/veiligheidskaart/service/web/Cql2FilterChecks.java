package nl.veiligheidskaart.service.web;

import static nl.veiligheidskaart.service.web.ApiClient.json;
import static nl.veiligheidskaart.service.web.ApiClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * OGC API - Features Part 3: CQL2 filters in text and JSON as the service answers them, on the
 * incidents of {@code incidents-valid.csv} and the 2019 municipalities. One set of assertions for
 * both stores: incidents are filtered in the database (H2GIS in {@link OgcFeaturesApiTest}, PostGIS
 * in {@link PostgisCql2ApiTest}).
 */
final class Cql2FilterChecks {

  private Cql2FilterChecks() {
  }

  /** Asserts every filter on the fixture's incidents (incidents-valid.csv) and the 2019 municipalities. */
  static void assertFilters(ApiClient analyst) {
    JsonNode queryables = json(analyst.get("/ogc/collections/incidents/queryables"));
    assertThat(queryables.get("properties").get("occurredAt").get("format").asString()).isEqualTo("date-time");
    assertThat(queryables.get("properties").has("geometry")).isTrue();
    assertThat(json(analyst.get("/ogc/collections/incidents")).get("links").toString())
        .contains("http://www.opengis.net/def/rel/ogc/1.0/queryables");
    assertThat(json(analyst.get("/ogc/conformance")).get("conformsTo").toString())
        .contains("ogcapi-features-3/1.0/conf/filter", "cql2/1.0/conf/cql2-text", "cql2/1.0/conf/cql2-json");

    assertThat(ids(analyst, "incidents", "category = 'woninginbraak'")).containsExactly("BVH-001");
    assertThat(ids(analyst, "incidents",
        "occurredAt >= TIMESTAMP('2024-03-02T00:00:00+01:00') AND NOT category = 'hennep'"))
        .containsExactlyInAnyOrder("BVH-002", "BVH-003");
    assertThat(ids(analyst, "incidents", "T_INTERSECTS(occurredAt, INTERVAL('2024-03-02', '2024-03-03'))"))
        .containsExactlyInAnyOrder("BVH-002", "BVH-003", "BVH-004");
    assertThat(ids(analyst, "incidents", "occurredAt < DATE('2024-01-01') OR category IN_NOTHING", 400)).isEmpty();
    assertThat(ids(analyst, "incidents", "S_INTERSECTS(geometry, BBOX(5.95, 52.2, 5.97, 52.22)) AND demo = FALSE"))
        .containsExactly("BVH-001");
    assertThat(ids(analyst, "municipalities", "S_INTERSECTS(geometry, POINT(5.96 52.21))")).containsExactly("GM0200");
    assertThat(ids(analyst, "municipalities", "code = 'GM0200' OR (\"code\" = 'GM0150' AND boundaryYear >= 2019)"))
        .containsExactlyInAnyOrder("GM0200", "GM0150");

    String json = "{\"op\":\"and\",\"args\":[{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},"
        + "{\"bbox\":[5.9,52.1,6.4,52.4]}]},{\"op\":\"t_intersects\",\"args\":[{\"property\":\"occurredAt\"},"
        + "{\"interval\":[\"2024-03-01\",\"..\"]}]}]}";
    JsonNode page = json(analyst.get("/ogc/collections/incidents/items?filter-lang=cql2-json&filter="
        + URLEncoder.encode(json, StandardCharsets.UTF_8)));
    assertThat(page.get("numberMatched").asLong()).isEqualTo(1);
    assertThat(page.get("features").get(0).get("id").asString()).isEqualTo("BVH-001");

    // the filter goes along on the next page
    JsonNode first = json(analyst.get("/ogc/collections/incidents/items?limit=1&filter="
        + URLEncoder.encode("category <> 'woninginbraak'", StandardCharsets.UTF_8)));
    assertThat(first.get("numberMatched").asLong()).isEqualTo(4);
    assertThat(OgcFeaturesApiTest.link(first, "next")).contains("filter=category+%3C%3E+%27woninginbraak%27");

    for (String bad : List.of("colour = 'red'", "category > 5", "category = ", "S_INTERSECTS(category, POINT(1 2))",
        "T_INTERSECTS(category, DATE('2024-01-01'))", "occurredAt = DATE('gisteren')", "(category = 'a'")) {
      assertThat(problem(analyst.get("/ogc/collections/incidents/items?filter="
          + URLEncoder.encode(bad, StandardCharsets.UTF_8)), 400).toString()).as(bad)
          .contains("\"name\":\"filter\"");
    }
    problem(analyst.get("/ogc/collections/incidents/items?filter=category%3D%27a%27&filter-lang=ecql"), 400);
    problem(analyst.get("/ogc/collections/incidents/items?filter=%7Bnot-json&filter-lang=cql2-json"), 400);
  }

  private static List<String> ids(ApiClient analyst, String collection, String filter) {
    return ids(analyst, collection, filter, 200);
  }

  private static List<String> ids(ApiClient analyst, String collection, String filter, int status) {
    HttpResponse<String> response = analyst.get("/ogc/collections/" + collection + "/items?limit=100&filter="
        + URLEncoder.encode(filter, StandardCharsets.UTF_8));
    assertThat(response.statusCode()).as(filter + ": " + response.body()).isEqualTo(status);
    List<String> ids = new ArrayList<>();
    if (status == 200) {
      json(response).get("features").forEach(f -> ids.add(f.get("id").asString()));
    }
    return ids;
  }
}
