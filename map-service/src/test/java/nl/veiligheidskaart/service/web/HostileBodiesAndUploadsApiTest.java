package nl.veiligheidskaart.service.web;

import static nl.veiligheidskaart.service.web.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The request bodies and uploads, fed hostile content: every field of a snapshot and an account
 * with hostile values and wrong JSON types, malformed JSON, and hostile files and file names for
 * every import. The answer is a success or a client error with problem+json, never a server
 * error; and an import that is refused stores nothing, one that is taken stores exactly what its
 * report says.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "veiligheidskaart.demo-data=false",
    // hundreds of snapshots and imports in seconds: every one must reach the validation, not the rate limit
    "veiligheidskaart.limits.heavy-requests-per-minute=100000",
    "veiligheidskaart.limits.heavy-requests-at-once=100"})
class HostileBodiesAndUploadsApiTest extends FreshServiceApiTest {

  static ApiClient analyst;
  static ApiClient admin;

  @Autowired
  JdbcTemplate jdbc;

  /** JSON values of the wrong type or size, as raw JSON text. */
  static final List<String> HOSTILE_JSON = List.of("12345", "-1", "1e309", "99999999999999999999", "true", "null",
      "{}", "[]", "[1, 2]", "[\"x\"]", "{\"$ne\": 1}", "\"" + "[".repeat(3) + "\"", "[".repeat(2_000) + "]".repeat(2_000));

  static final List<String> SNAPSHOT_FIELDS = List.of("bbox", "bboxCrs", "area", "layers", "category", "from", "to",
      "measure", "title", "subtitle", "format", "pageSize", "orientation", "dpi");

  static final List<String> MALFORMED_JSON = List.of("", "{", "null", "[]", "\"x\"", "{\"area\":", "{\"area\": GM0150}",
      "[".repeat(100_000), "\uFEFF{\"area\":\"GM0150\",\"title\":\"BOM\"}", "{\"area\":\"GM0150\",\"title\":\"a\",}");

  static final Map<String, String> LAYER_TABLES = Map.of("incidents", "incident", "hemp-sites", "hemp_site",
      "holiday-parks", "holiday_park", "omg-clubhouses", "omg_clubhouse", "area-statistics", "area_statistic");

  @BeforeAll
  static void accounts(@Value("${local.server.port}") int port) {
    analyst = ApiClient.signedIn("http://localhost:" + port, dataDir, "analist");
    admin = ApiClient.signedIn("http://localhost:" + port, dataDir, "beheer");
  }

  @Test
  void hostileSnapshotFieldsGetClientErrorsNeverServerErrors() {
    List<String> wrong = new ArrayList<>();
    for (String field : SNAPSHOT_FIELDS) {
      for (String value : hostileJsonValues()) {
        Map<String, String> body = new LinkedHashMap<>(Map.of("area", "\"GM0150\"", "title", "\"Proef\"",
            "format", "\"png\"", "dpi", "72"));
        body.put(field, value);
        check(analyst.postRaw("/api/v1/snapshots", "application/json", raw(body)), field + "=" + value, wrong);
      }
    }
    for (String text : MALFORMED_JSON) {
      check(analyst.postRaw("/api/v1/snapshots", "application/json", text.getBytes(StandardCharsets.UTF_8)),
          "body " + text, wrong);
    }
    check(analyst.postRaw("/api/v1/snapshots", "application/json", new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28}),
        "invalid UTF-8", wrong);
    check(analyst.postRaw("/api/v1/snapshots", "text/plain", "area=GM0150".getBytes(StandardCharsets.UTF_8)),
        "text/plain", wrong);
    assertThat(wrong).as("answers that were server errors or not problem+json").isEmpty();
  }

  @Test
  void hostileAccountFieldsGetClientErrorsNeverServerErrors() {
    List<String> wrong = new ArrayList<>();
    int n = 0;
    for (String field : List.of("username", "password", "role", "municipality")) {
      for (String value : hostileJsonValues()) {
        Map<String, String> body = new LinkedHashMap<>(Map.of("username", "\"fuzz-" + n++ + "\"",
            "password", "\"lang-genoeg-wachtwoord\"", "role", "\"MUNICIPALITY\"", "municipality", "\"GM0301\""));
        body.put(field, value);
        check(admin.postRaw("/api/v1/admin/users", "application/json", raw(body)), field + "=" + value, wrong);
      }
    }
    assertThat(wrong).as("answers that were server errors or not problem+json").isEmpty();
  }

  @Test
  void hostileUploadsAreRefusedOrTakenWholeNeverHalfAndNeverServerErrors() {
    Map<String, byte[]> files = hostileFiles();
    List<String> wrong = new ArrayList<>();
    for (String layer : LAYER_TABLES.keySet()) {
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        for (String mode : List.of("strict", "lenient")) {
          long before = rows(layer);
          HttpResponse<String> response = admin.upload("/api/v1/import/" + layer + "?mode=" + mode, file.getKey(),
              file.getValue());
          String what = layer + " " + mode + " " + file.getKey().substring(0, Math.min(40, file.getKey().length()));
          check(response, what, wrong);
          long stored = rows(layer) - before;
          if (response.statusCode() == 200) {
            long accepted = json(response).get("accepted").asLong();
            if (stored > accepted) {
              wrong.add(what + ": " + stored + " rows more, report says " + accepted + " accepted");
            }
          } else if (stored != 0) {
            wrong.add(what + ": refused with " + response.statusCode() + " but " + stored + " rows stored");
          }
        }
      }
    }
    assertThat(wrong).as("uploads that were answered or stored otherwise than designed").isEmpty();
  }

  @Test
  void strictImportsRefuseInvalidUtf8AndControlCharactersNamingTheLine() {
    String header = "source_id,category,occurred_at,x,y\n";
    String good = "GOOD-1,woninginbraak,2024-03-01,194215,469380\n";
    byte[] invalidUtf8 = concat(utf8(header + good + "BAD-"), new byte[] {(byte) 0xC3, (byte) 0x28},
        utf8(",woninginbraak,2024-03-01,194215,469380\n"));
    byte[] nul = utf8(header + good + good.replace("GOOD-1", "GOOD-2") + "NUL-\u0000-1,woninginbraak,2024-03-01,"
        + "194215,469380\n");
    byte[] escape = utf8(header + "ESC-\u001B[31m,woninginbraak,2024-03-01,194215,469380\n");
    for (var file : Map.of("invalid-utf8.csv", new Object[] {invalidUtf8, 3, "UTF-8"},
        "nul.csv", new Object[] {nul, 4, "U+0000"}, "escape.csv", new Object[] {escape, 2, "U+001B"}).entrySet()) {
      long before = rows("incidents");
      var response = admin.upload("/api/v1/import/incidents", file.getKey(), (byte[]) file.getValue()[0]);
      var problem = ApiClient.problem(response, 400);
      assertThat(problem.get("errors").get(0).get("line").asInt()).as(file.getKey()).isEqualTo(file.getValue()[1]);
      assertThat(problem.get("errors").get(0).get("message").asString()).as(file.getKey())
          .contains((String) file.getValue()[2]);
      assertThat(rows("incidents")).isEqualTo(before);
    }
    // tabs and line breaks inside a quoted field are text, not control characters to refuse
    var multiline = admin.upload("/api/v1/import/incidents", "multiline.csv", utf8("source_id,category,occurred_at,"
        + "x,y,remark\nML-1,woninginbraak,2024-03-01,194215,469380,\"first line\nsecond line\twith a tab\"\n"));
    assertThat(multiline.statusCode()).as(multiline.body()).isEqualTo(200);
  }

  @Test
  void twoImportsOfOneLayerAtOnceAreRefusedWith409NeverAServerError() throws Exception {
    StringBuilder csv = new StringBuilder("source_id,club,status,x,y\n");
    for (int n = 0; n < 5_000; n++) {
      csv.append("CONC-").append(n).append(",Proef MC,active,").append(194_000 + n % 50).append(",469380\n");
    }
    byte[] file = utf8(csv.toString());
    var executor = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<HttpResponse<String>>> uploads = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        uploads.add(executor.submit(() -> admin.upload("/api/v1/import/omg-clubhouses", "clubhouses.csv", file)));
      }
      List<Integer> statuses = new ArrayList<>();
      for (var upload : uploads) {
        HttpResponse<String> response = upload.get();
        statuses.add(response.statusCode());
        if (response.statusCode() == 409) {
          assertThat(ApiClient.problem(response, 409).get("detail").asString()).contains("import of omg-clubhouses");
        }
      }
      assertThat(statuses).as("statuses").contains(200).allMatch(status -> status == 200 || status == 409);
    } finally {
      executor.shutdown();
    }
    assertThat(jdbc.queryForObject("SELECT count(*) FROM omg_clubhouse WHERE source_id LIKE 'CONC-%'", Long.class))
        .isEqualTo(5_000);
  }

  @Test
  void featureFilesBeyondTheirBoundsAreRefusedInBoundedTime() {
    StringBuilder ring = new StringBuilder("[[");
    int vertices = 1_000_000;
    for (int i = 0; i < vertices; i++) {
      double angle = 2 * Math.PI * i / vertices;
      ring.append('[').append(Math.round(230_000 + 1_000 * Math.cos(angle))).append(',')
          .append(Math.round(470_000 + 1_000 * Math.sin(angle))).append("],");
    }
    ring.append("[231000,470000]]]");
    String park = "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":"
        + "\"urn:ogc:def:crs:EPSG::28992\"}},\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\","
        + "\"coordinates\":" + ring + "},\"properties\":{\"source_id\":\"HUGE-1\",\"name\":\"Reuzenpark\"}}]}";
    StringBuilder clubhouses = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
    for (int i = 0; i < 200_000; i++) {
      clubhouses.append(i == 0 ? "" : ",").append("{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\","
          + "\"coordinates\":[6.1,52.2]},\"properties\":{\"source_id\":\"MANY-").append(i)
          .append("\",\"club\":\"Proef MC\",\"status\":\"active\"}}");
    }
    clubhouses.append("]}");
    for (var upload : Map.of("holiday-parks", park, "omg-clubhouses", clubhouses.toString()).entrySet()) {
      long before = rows(upload.getKey());
      long started = System.nanoTime();
      var response = admin.upload("/api/v1/import/" + upload.getKey(), "huge.geojson", utf8(upload.getValue()));
      assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).as(upload.getKey())
          .isLessThan(java.time.Duration.ofSeconds(30));
      assertThat(ApiClient.problem(response, 400).get("detail").asString()).as(upload.getKey())
          .containsAnyOf("vertices", "rows");
      assertThat(rows(upload.getKey())).isEqualTo(before);
    }
  }

  @Test
  void aDrawnAreaBeyondAnyMapIsRefusedNamingTheTarget() {
    List<String> polygons = List.of("[[[-1e308,-1e308],[1e308,-1e308],[1e308,1e308],[-1e308,1e308],[-1e308,-1e308]]]",
        "[[[6.1,52.2],[1e308,52.2],[6.2,1e308],[6.1,52.2]]]", "[[[1e999,0],[0,1e999],[0,0],[1e999,0]]]",
        "[[[170,80],[180,80],[180,89],[170,80]]]", "[[[6.1,52.2],[6.2,52.2],[6.2,52.3],[6.1,52.3],[6.1,52.2]]]"
            .replace("[6.1,52.3]", "[6.1," + "5".repeat(400) + "]"));
    for (String coordinates : polygons) {
      HttpResponse<String> response = analyst.postRaw("/api/v1/analysis/displacement?category=woninginbraak"
          + "&before=2024&after=2025", "application/json",
          utf8("{\"type\":\"Polygon\",\"coordinates\":" + coordinates + "}"));
      var problem = ApiClient.problem(response, 400);
      assertThat(problem.toString()).as(coordinates).contains("target");
    }
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /** Values of the wrong type or size, and the hostile strings of the query fuzz as JSON strings. */
  private static List<String> hostileJsonValues() {
    List<String> values = new ArrayList<>(HOSTILE_JSON);
    HostileInputApiTest.HOSTILE.forEach(text -> values.add(ApiClient.JSON.writeValueAsString(text)));
    return values;
  }

  /** Rows of the layer's table; updates in place (same source id) do not change it. */
  private long rows(String layer) {
    return jdbc.queryForObject("SELECT count(*) FROM " + LAYER_TABLES.get(layer), Long.class);
  }

  private static Map<String, byte[]> hostileFiles() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    byte[] noise = new byte[64 * 1024];
    new Random(20191).nextBytes(noise);
    files.put("noise.csv", noise);
    files.put("noise.geojson", noise);
    files.put("noise.gpkg", noise);
    files.put("empty.csv", new byte[0]);
    files.put("header-only.csv", utf8("source_id,category,occurred_at,x,y\n"));
    files.put("many-columns.csv", utf8(java.util.stream.IntStream.range(0, 5_000).mapToObj(i -> "c" + i)
        .collect(Collectors.joining(",")) + "\n"));
    files.put("long-field.csv", utf8("source_id,category,occurred_at,x,y\n" + "x".repeat(200_000)
        + ",woninginbraak,2024-03-01,194215,469380\n"));
    files.put("nul.csv", utf8("source_id,category,occurred_at,x,y\nNUL-\u0000-1,woninginbraak,2024-03-01,194215,469380\n"));
    files.put("invalid-utf8.csv", new byte[] {'s', 'o', 'u', 'r', 'c', 'e', (byte) 0xC3, (byte) 0x28, '\n'});
    files.put("utf16.csv", "source_id,category,occurred_at,x,y\nU16-1,woninginbraak,2024-03-01,194215,469380\n"
        .getBytes(StandardCharsets.UTF_16));
    files.put("sql.csv", utf8("source_id,category,occurred_at,x,y\n\"'); DROP TABLE incident; --\",woninginbraak,"
        + "2024-03-01,194215,469380\nSQL-2,\"woninginbraak' OR '1'='1\",2024-03-01,194215,469380\n"));
    files.put("formula.csv", utf8("source_id,category,occurred_at,x,y\n\"=HYPERLINK(\"\"http://x\"\")\",woninginbraak,"
        + "2024-03-01,194215,469380\n"));
    files.put("huge-numbers.csv", utf8("source_id,category,occurred_at,x,y\nN-1,woninginbraak,2024-03-01,1e309,NaN\n"
        + "N-2,woninginbraak,9999-99-99,-1,99999999999999999999\n"));
    files.put("deep.geojson", utf8("[".repeat(100_000)));
    files.put("deep-properties.geojson", utf8(featureCollection("{\"type\":\"Point\",\"coordinates\":[6.1,52.2]}",
        "{\"source_id\":\"DEEP-1\",\"club\":\"X\",\"status\":\"active\",\"nested\":"
            + "[".repeat(100_000) + "]".repeat(100_000) + "}")));
    files.put("deep-geometry.geojson", utf8(featureCollection("{\"type\":\"Polygon\",\"coordinates\":"
        + "[".repeat(100_000) + "]".repeat(100_000) + "}", "{\"source_id\":\"DEEP-2\"}")));
    files.put("long-number.geojson", utf8(featureCollection("{\"type\":\"Point\",\"coordinates\":[6."
        + "1".repeat(100_000) + ",52.2]}", "{\"source_id\":\"LONG-1\",\"club\":\"X\",\"status\":\"active\"}")));
    files.put("long-number.csv", utf8("source_id,category,occurred_at,x,y\nLONG-2,woninginbraak,2024-03-01,1"
        + "9".repeat(100_000) + ",469380\n"));
    files.put("nan.geojson", utf8("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":"
        + "{\"type\":\"Point\",\"coordinates\":[\"NaN\",1e999]},\"properties\":{\"source_id\":\"G-1\"}}]}"));
    files.put("wrong-types.geojson", utf8("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
        + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]},"
        + "\"properties\":{\"source_id\":{\"a\":1},\"name\":[1,2]}}]}"));
    files.put("../../../etc/passwd.csv", utf8("source_id,category,occurred_at,x,y\n"));
    files.put("x".repeat(1_000) + ".csv", utf8("source_id,category,occurred_at,x,y\n"));
    files.put("quote\"name.csv", utf8("source_id,category,occurred_at,x,y\n"));
    files.put("no-extension", utf8("source_id,category,occurred_at,x,y\n"));
    files.put("nul\u0000name.csv", utf8("source_id,category,occurred_at,x,y\n"));
    files.put("nul\u0000name.geojson", utf8("source_id,category,occurred_at,x,y\n"));
    files.put("line\r\nbreak.csv", utf8("source_id,category,occurred_at,x,y\n"));
    return files;
  }

  private static String featureCollection(String geometry, String properties) {
    return "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":" + geometry
        + ",\"properties\":" + properties + "}]}";
  }

  private static void check(HttpResponse<String> response, String what, List<String> wrong) {
    int status = response.statusCode();
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (status >= 500 || status == 429) {
      wrong.add(what + " → " + status);
    } else if (status >= 400 && !type.startsWith("application/problem+json")) {
      wrong.add(what + " → " + status + " as " + type);
    }
  }

  private static byte[] raw(Map<String, String> fields) {
    return fields.entrySet().stream().map(field -> "\"" + field.getKey() + "\":" + field.getValue())
        .collect(Collectors.joining(",", "{", "}")).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
