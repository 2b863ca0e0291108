package nl.veiligheidskaart.service.web;

import static nl.veiligheidskaart.service.web.ApiClient.json;
import static nl.veiligheidskaart.service.web.ApiClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.geodata.crs.CrsTransform;
import nl.veiligheidskaart.service.maptiles.MapLayerCatalogue;
import nl.veiligheidskaart.service.maptiles.MapLayerDefinition;
import nl.veiligheidskaart.tiles.geo.TileCoordinate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/** Vector tiles over HTTP: content, caching headers, per-role rules, errors, and GDAL reading them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "veiligheidskaart.demo-data=false")
class VectorTileApiTest extends FreshServiceApiTest {

  static boolean loaded;
  @Autowired MapLayerCatalogue catalogue;

  @BeforeEach
  void load() {
    if (!loaded) {
      ApiClient admin = ApiClient.signedIn(base(), dataDir, "beheer");
      admin.upload("/api/v1/import/incidents", IntakeApiTest.fixture("incidents-valid.csv"));
      admin.postJson("/api/v1/admin/users", Map.of("username", "bbg-lid", "password", "lang-genoeg-wachtwoord",
          "role", "BBG"));
      loaded = true;
    }
  }

  String base() {
    return baseUrl();
  }

  /** The tile at zoom z holding an RD New location. */
  static TileCoordinate tileAt(double x, double y, int z) {
    Geometry mercator = CrsTransform.transform(new GeometryFactory().createPoint(new Coordinate(x, y)), Crs.RD_NEW,
        Crs.WEB_MERCATOR);
    return TileCoordinate.containing(mercator.getCoordinate().x, mercator.getCoordinate().y, z);
  }

  HttpResponse<byte[]> tile(String user, String password, String path, String ifNoneMatch) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Basic "
        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    if (ifNoneMatch != null) {
      request.header("If-None-Match", ifNoneMatch);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpResponse<byte[]> asAnalyst(String path) throws Exception {
    return tile("analist", ApiClient.initialCredentials(dataDir).get("analist"), path, null);
  }

  static JtsMvt decode(byte[] body) throws Exception {
    return MvtReader.loadMvt(new ByteArrayInputStream(body), new GeometryFactory(), new TagKeyValueMapConverter(),
        MvtReader.RING_CLASSIFIER_V2_1);
  }

  static List<Object> tagValues(JtsLayer layer, String tag) {
    List<Object> values = new ArrayList<>();
    for (Geometry geometry : layer.getGeometries()) {
      values.add(((Map<?, ?>) geometry.getUserData()).get(tag));
    }
    return values;
  }

  @Test
  void municipalitiesTileCarriesTheMunicipalitiesWithTagsAndCachingHeaders() throws Exception {
    TileCoordinate tile = tileAt(194_215, 469_380, 8);
    HttpResponse<byte[]> response = asAnalyst("/api/v1/tiles/municipalities/" + tile + ".mvt");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/vnd.mapbox-vector-tile");
    assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).contains("private").contains("max-age=60");
    assertThat(tagValues(decode(response.body()).getLayer("municipalities"), "code")).contains("GM0200", "GM0301");

    String etag = response.headers().firstValue("ETag").orElseThrow();
    HttpResponse<byte[]> again = tile("analist", ApiClient.initialCredentials(dataDir).get("analist"),
        "/api/v1/tiles/municipalities/" + tile + ".mvt", etag);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
  }

  @Test
  void analystsGetPointsFromZoom14AndCellsBelow() throws Exception {
    TileCoordinate close = tileAt(194_215, 469_380, 14);
    JtsMvt points = decode(asAnalyst("/api/v1/tiles/incidents/" + close + ".mvt").body());
    assertThat(tagValues(points.getLayer("incidents"), "sourceId")).containsExactly("BVH-001");

    TileCoordinate far = tileAt(194_215, 469_380, 9);
    JtsMvt cells = decode(asAnalyst("/api/v1/tiles/incidents/" + far + ".mvt?category=woninginbraak").body());
    assertThat(cells.getLayer("incidents")).isNull();
    assertThat(tagValues(cells.getLayer("incident-cells"), "count")).containsExactly(1L);
  }

  @Test
  void otherRolesGetCountsOnlyWithSmallCountsSuppressed() throws Exception {
    TileCoordinate close = tileAt(194_215, 469_380, 14);
    HttpResponse<byte[]> response = tile("bbg-lid", "lang-genoeg-wachtwoord", "/api/v1/tiles/incidents/" + close
        + ".mvt", null);
    JtsMvt tile = decode(response.body());
    assertThat(tile.getLayer("incidents")).isNull();
    // one incident in the cell: below the minimum count of 10, so it is not shown
    assertThat(tile.getLayer("incident-cells") == null || tile.getLayer("incident-cells").getGeometries().isEmpty())
        .isTrue();
    HttpResponse<byte[]> hemp = tile("bbg-lid", "lang-genoeg-wachtwoord", "/api/v1/tiles/hemp-sites/8/131/84.mvt",
        null);
    assertThat(hemp.statusCode()).isEqualTo(403);
  }

  @Test
  void badTilesAndUnknownLayers() throws Exception {
    ApiClient analyst = ApiClient.signedIn(base(), dataDir, "analist");
    problem(analyst.get("/api/v1/tiles/municipalities/23/0/0.mvt"), 400);
    problem(analyst.get("/api/v1/tiles/municipalities/3/8/0.mvt"), 400);
    problem(analyst.get("/api/v1/tiles/municipalities/a/b/c.mvt"), 400);
    problem(analyst.get("/api/v1/tiles/fietsen/3/4/2.mvt"), 404);
  }

  @Test
  void tileJsonDescribesTheLayer() {
    var tileJson = json(ApiClient.signedIn(base(), dataDir, "analist").get("/api/v1/tiles/municipalities.json"));
    assertThat(tileJson.get("tilejson").asString()).isEqualTo("3.0.0");
    assertThat(tileJson.get("tiles").get(0).asString()).endsWith("/api/v1/tiles/municipalities/{z}/{x}/{y}.mvt");
  }

  /**
   * Every TileJSON, for every layer, format and role, is valid TileJSON 3.0.0 by the schema published with the
   * specification; its vector_layers name every MVT layer the tiles hold, with every attribute they carry.
   */
  @Test
  void everyTileJsonIsValidTileJson300AndListsWhatTheTilesHold() throws Exception {
    Schema schema;
    try (var in = getClass().getResourceAsStream("/tilejson/tilejson-3.0.0.schema.json")) {
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
    }
    ApiClient analyst = ApiClient.signedIn(base(), dataDir, "analist");
    ApiClient board = analyst.as("bbg-lid", "lang-genoeg-wachtwoord");
    int validated = 0;
    for (ApiClient client : List.of(analyst, board)) {
      for (MapLayerDefinition layer : catalogue.all()) {
        for (String format : layer.hasVectorTiles() ? List.of("mvt", "png") : List.of("png")) {
          HttpResponse<String> response = client.get("/api/v1/tiles/" + layer.id() + ".json?format=" + format);
          if (response.statusCode() == 403) {
            continue;
          }
          assertThat(response.statusCode()).isEqualTo(200);
          assertThat(schema.validate(json(response))).as(layer.id() + " " + format + ": " + response.body()).isEmpty();
          validated++;
        }
      }
    }
    assertThat(validated).isEqualTo(17 + 6);

    // incidents: cells below zoom 14 and single incidents from there for analysts; cells only for the board
    TileCoordinate low = tileAt(194_215, 469_380, 13);
    TileCoordinate high = tileAt(194_215, 469_380, 14);
    JsonNode forAnalyst = json(analyst.get("/api/v1/tiles/incidents.json")).get("vector_layers");
    assertListed(forAnalyst, decode(asAnalyst("/api/v1/tiles/incidents/" + low + ".mvt").body()), 13);
    assertListed(forAnalyst, decode(asAnalyst("/api/v1/tiles/incidents/" + high + ".mvt").body()), 14);
    assertThat(forAnalyst).hasSize(2);
    JsonNode forBoard = json(board.get("/api/v1/tiles/incidents.json")).get("vector_layers");
    assertThat(forBoard).hasSize(1);
    assertThat(forBoard.get(0).get("id").asString()).isEqualTo("incident-cells");
    assertListed(json(analyst.get("/api/v1/tiles/municipalities.json?measure=change")).get("vector_layers"),
        decode(asAnalyst("/api/v1/tiles/municipalities/" + low + ".mvt?measure=change").body()), 13);
    // the legend: text for any TileJSON client, the classes with their colours beside it
    JsonNode tileJson = json(analyst.get("/api/v1/tiles/municipalities.json"));
    assertThat(tileJson.get("legend").asString()).startsWith("Aantal incidenten: ").contains("; ");
    assertThat(tileJson.get("legend_data").get("entries").get(0).get("colour").asString()).startsWith("#");
  }

  /** Each layer in the tile is listed for this zoom, with each attribute its features carry. */
  private static void assertListed(JsonNode vectorLayers, JtsMvt tile, int zoom) {
    assertThat(tile.getLayers()).isNotEmpty();
    for (JtsLayer layer : tile.getLayers()) {
      JsonNode listed = null;
      for (JsonNode candidate : vectorLayers) {
        if (candidate.get("id").asString().equals(layer.getName()) && candidate.get("minzoom").asInt() <= zoom
            && zoom <= candidate.get("maxzoom").asInt()) {
          listed = candidate;
        }
      }
      assertThat(listed).as(layer.getName() + " at zoom " + zoom).isNotNull();
      for (Geometry feature : layer.getGeometries()) {
        for (Object attribute : ((Map<?, ?>) feature.getUserData()).keySet()) {
          assertThat(listed.get("fields").has((String) attribute)).as(layer.getName() + "." + attribute).isTrue();
        }
      }
    }
  }

  @Test
  void gdalOpensTheTiles() throws Exception {
    TileCoordinate tile = tileAt(194_215, 469_380, 8);
    Path dir = Files.createDirectories(dataDir.resolve("tiles").resolve(String.valueOf(tile.z()))
        .resolve(String.valueOf(tile.x())));
    Path file = dir.resolve(tile.y() + ".pbf");
    Files.write(file, asAnalyst("/api/v1/tiles/municipalities/" + tile + ".mvt").body());

    Process ogrinfo = new ProcessBuilder("ogrinfo", "-ro", "-al", "-so", file.toString()).redirectErrorStream(true)
        .start();
    String output = new String(ogrinfo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(ogrinfo.waitFor()).as(output).isZero();
    assertThat(output).contains("Layer name: municipalities").contains("Feature Count:");
  }

  /** Clients that take gzip get the same tile gzipped, under its own entity tag. */
  @Test
  void vectorTilesComeGzippedToClientsThatTakeIt() throws Exception {
    String path = "/api/v1/tiles/municipalities/" + tileAt(194_215, 469_380, 8) + ".mvt";
    HttpResponse<byte[]> plain = asAnalyst(path);
    HttpRequest gzipRequest = HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Basic "
        + Base64.getEncoder().encodeToString(("analist:" + ApiClient.initialCredentials(dataDir).get("analist"))
            .getBytes(StandardCharsets.UTF_8))).header("Accept-Encoding", "gzip, deflate, br").build();

    HttpResponse<byte[]> gzipped = HttpClient.newHttpClient().send(gzipRequest, HttpResponse.BodyHandlers.ofByteArray());

    assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
    assertThat(gzipped.headers().firstValue("Vary").orElse("")).contains("Accept-Encoding");
    assertThat(new java.util.zip.GZIPInputStream(new ByteArrayInputStream(gzipped.body())).readAllBytes())
        .isEqualTo(plain.body());
    assertThat(gzipped.body().length).isLessThan(plain.body().length);
    String etag = gzipped.headers().firstValue("ETag").orElseThrow();
    assertThat(etag).isNotEqualTo(plain.headers().firstValue("ETag").orElseThrow());
    HttpResponse<byte[]> again = HttpClient.newHttpClient().send(HttpRequest.newBuilder(gzipRequest, (n, v) -> true)
        .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(again.statusCode()).isEqualTo(304);
  }

  /** The tile cache and the incident index follow an import at once: no stale tile, a new entity tag. */
  @Test
  void anImportShowsInTheNextTile() throws Exception {
    String path = "/api/v1/tiles/incidents/" + tileAt(230_000, 480_000, 15) + ".mvt";
    HttpResponse<byte[]> before = asAnalyst(path);
    JtsLayer empty = decode(before.body()).getLayer("incidents");
    assertThat(empty == null || empty.getGeometries().isEmpty()).isTrue();

    Path csv = dataDir.resolve("one-more.csv");
    Files.writeString(csv, "source_id,category,occurred_at,x,y\nBVH-NEW,woninginbraak,2024-04-01T10:00,230000,480000\n");
    ApiClient.signedIn(base(), dataDir, "beheer").upload("/api/v1/import/incidents", csv);
    HttpResponse<byte[]> after = asAnalyst(path);

    assertThat(tagValues(decode(after.body()).getLayer("incidents"), "sourceId")).containsExactly("BVH-NEW");
    assertThat(after.headers().firstValue("ETag")).isNotEqualTo(before.headers().firstValue("ETag"));
  }
}
