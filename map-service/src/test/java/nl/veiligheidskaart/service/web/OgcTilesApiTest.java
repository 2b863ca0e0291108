package nl.veiligheidskaart.service.web;

import static nl.veiligheidskaart.service.web.ApiClient.json;
import static nl.veiligheidskaart.service.web.ApiClient.problem;
import static nl.veiligheidskaart.service.web.VectorTileApiTest.decode;
import static nl.veiligheidskaart.service.web.VectorTileApiTest.tagValues;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import nl.veiligheidskaart.tiles.geo.MatrixTile;
import nl.veiligheidskaart.tiles.geo.TileCoordinate;
import nl.veiligheidskaart.tiles.geo.TileMatrixSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * OGC API - Tiles over HTTP: the tile matrix sets, tileset metadata, tiles in WebMercatorQuad and
 * NetherlandsRDNewQuad drawn where they belong, the same rules per role as /api/v1/tiles, and errors.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "veiligheidskaart.demo-data=false")
class OgcTilesApiTest extends FreshServiceApiTest {

  private static final TileMatrixSet RD = TileMatrixSet.NETHERLANDS_RD_NEW_QUAD;
  /** Incident BVH-001 of the fixture, a house in Apeldoorn, in RD New. */
  private static final Coordinate BVH_001 = new Coordinate(194_215, 469_380);

  static boolean loaded;

  ApiClient analyst;
  ApiClient board;
  ApiClient admin;

  @BeforeEach
  void load() {
    admin = ApiClient.signedIn(base(), dataDir, "beheer");
    if (!loaded) {
      admin.upload("/api/v1/import/incidents", IntakeApiTest.fixture("incidents-valid.csv"));
      loaded = true;
    }
    analyst = ApiClient.signedIn(base(), dataDir, "analist");
    board = admin.account("bbg-lid", "BBG", null);
  }

  String base() {
    return "http://localhost:" + port;
  }

  @Test
  void theTileMatrixSetsAreThoseOfOgcAndPdok() {
    JsonNode list = json(analyst.get("/ogc/tileMatrixSets")).get("tileMatrixSets");
    List<String> ids = new ArrayList<>();
    list.forEach(set -> ids.add(set.get("id").asString()));
    assertThat(ids).containsExactly("WebMercatorQuad", "NetherlandsRDNewQuad");

    JsonNode rd = json(analyst.get("/ogc/tileMatrixSets/NetherlandsRDNewQuad"));
    assertThat(rd.get("crs").asString()).isEqualTo("http://www.opengis.net/def/crs/EPSG/0/28992");
    assertThat(rd.get("uri").asString()).isEqualTo(
        "http://www.opengis.net/def/tilematrixset/OGC/1.0/NetherlandsRDNewQuad");
    JsonNode top = rd.get("tileMatrices").get(0);
    assertThat(top.get("scaleDenominator").asDouble()).isCloseTo(12_288_000, within(1e-6));
    assertThat(top.get("cellSize").asDouble()).isCloseTo(3440.64, within(1e-9));
    assertThat(top.get("pointOfOrigin").get(0).asDouble()).isEqualTo(-285401.92);
    assertThat(top.get("pointOfOrigin").get(1).asDouble()).isEqualTo(903401.92);
    assertThat(rd.get("tileMatrices")).hasSize(17);
    // the TMS 1.0 members GDAL before 3.8 reads
    assertThat(rd.get("supportedCRS").asString()).isEqualTo(rd.get("crs").asString());
    assertThat(rd.get("tileMatrix").get(16).get("topLeftCorner").get(0).asDouble()).isEqualTo(-285401.92);
    assertThat(json(analyst.get("/ogc/tileMatrixSets/WebMercatorQuad")).get("tileMatrices")).hasSize(23);
  }

  @Test
  void conformanceLandingPageAndCollectionsLeadToTheTiles() {
    List<String> conformance = new ArrayList<>();
    json(analyst.get("/ogc/conformance")).get("conformsTo").forEach(c -> conformance.add(c.asString()));
    assertThat(conformance).contains("http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt",
        "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/png",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core");
    assertThat(rels(json(analyst.get("/ogc")))).contains(OgcTileDocuments.TILESETS_VECTOR,
        OgcTileDocuments.TILESETS_MAP, OgcTileDocuments.TILING_SCHEMES);
    assertThat(rels(json(analyst.get("/ogc/collections/municipalities")))).contains(
        OgcTileDocuments.TILESETS_VECTOR, OgcTileDocuments.TILESETS_MAP);
    assertThat(rels(json(analyst.get("/ogc/collections/districts")))).doesNotContain(
        OgcTileDocuments.TILESETS_VECTOR);

    // the map layers as collection-like documents, also the heatmap; dataType keeps one kind of tilesets (for GDAL)
    assertThat(rels(json(analyst.get("/ogc/layers/municipalities")))).contains(OgcTileDocuments.TILESETS_VECTOR,
        OgcTileDocuments.TILESETS_MAP);
    assertThat(rels(json(analyst.get("/ogc/layers/municipalities?dataType=map")))).containsExactly("self",
        OgcTileDocuments.TILESETS_MAP);
    assertThat(rels(json(analyst.get("/ogc/layers/heatmap")))).containsExactly("self",
        OgcTileDocuments.TILESETS_MAP);
    assertThat(json(analyst.get("/ogc/layers/heatmap")).get("extent").get("spatial").get("bbox").get(0)).hasSize(4);
    assertThat(invalidParameter(analyst.get("/ogc/layers/heatmap?dataType=vector"))).isEqualTo("dataType");

    JsonNode tilesets = json(analyst.get("/ogc/collections/incidents/tiles")).get("tilesets");
    assertThat(tilesets).hasSize(2);
    assertThat(tilesets.get(1).get("tileMatrixSetURI").asString()).endsWith("/NetherlandsRDNewQuad");
    assertThat(tilesets.get(1).get("dataType").asString()).isEqualTo("vector");
  }

  @Test
  void aTilesetGivesItsTileTemplateTilingSchemeLimitsAndLayers() {
    JsonNode tileset = json(analyst.get(
        "/ogc/collections/incidents/tiles/NetherlandsRDNewQuad?category=woninginbraak"));
    assertThat(tileset.get("dataType").asString()).isEqualTo("vector");
    assertThat(tileset.get("crs").asString()).isEqualTo("http://www.opengis.net/def/crs/EPSG/0/28992");
    Map<String, String> links = new HashMap<>();
    tileset.get("links").forEach(link -> links.put(link.get("rel").asString(), link.get("href").asString()));
    assertThat(links.get("item")).isEqualTo(base() + "/ogc/collections/incidents/tiles/NetherlandsRDNewQuad"
        + "/{tileMatrix}/{tileRow}/{tileCol}?category=woninginbraak");
    assertThat(links.get("http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme"))
        .isEqualTo(base() + "/ogc/tileMatrixSets/NetherlandsRDNewQuad");
    // every tile of each level (GDAL before 3.8 needs limits from row and column 0); the data's box in RD New
    JsonNode level3 = tileset.get("tileMatrixSetLimits").get(3);
    assertThat(List.of(level3.get("minTileRow").asInt(), level3.get("maxTileRow").asInt(),
        level3.get("minTileCol").asInt(), level3.get("maxTileCol").asInt())).containsExactly(0, 7, 0, 7);
    assertThat(tileset.get("tileMatrixSetLimits")).hasSize(17);
    JsonNode box = tileset.get("boundingBox");
    assertThat(box.get("lowerLeft").get(0).asDouble()).isBetween(125_000.0, 130_000.0);
    assertThat(box.get("upperRight").get(1).asDouble()).isBetween(540_000.0, 545_000.0);
    // analysts: cells down to level 9 and single incidents from level 10 (3.36 m pixels)
    JsonNode layers = tileset.get("layers");
    assertThat(layers.get(0).get("id").asString()).isEqualTo("incident-cells");
    assertThat(layers.get(0).get("maxTileMatrix").asString()).isEqualTo("9");
    assertThat(layers.get(1).get("id").asString()).isEqualTo("incidents");
    assertThat(layers.get(1).get("minTileMatrix").asString()).isEqualTo("10");
    assertThat(layers.get(1).get("propertiesSchema").get("properties").get("occurredAt").get("type").asString())
        .isEqualTo("string");
  }

  @Test
  void anRdNewVectorTilePutsTheIncidentWhereItIsInRdNew() throws Exception {
    MatrixTile tile = RD.tileContaining(12, BVH_001.x, BVH_001.y);
    HttpResponse<byte[]> response = analyst.getBytes("/ogc/collections/incidents/tiles/NetherlandsRDNewQuad/12/"
        + tile.row() + "/" + tile.column());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/vnd.mapbox-vector-tile");
    JtsLayer incidents = decode(response.body()).getLayer("incidents");
    assertThat(tagValues(incidents, "sourceId")).containsExactly("BVH-001");
    Coordinate drawn = incidents.getGeometries().iterator().next().getCoordinate();
    Envelope bounds = tile.bounds();
    assertThat(drawn.x).isCloseTo((BVH_001.x - bounds.getMinX()) / bounds.getWidth() * 4096, within(1.0));
    assertThat(drawn.y).isCloseTo((bounds.getMaxY() - BVH_001.y) / bounds.getHeight() * 4096, within(1.0));

    // level 9 (6.72 m pixels): cells, as in Web Mercator below zoom 14
    MatrixTile coarse = RD.tileContaining(9, BVH_001.x, BVH_001.y);
    var cells = decode(analyst.getBytes("/ogc/collections/incidents/tiles/NetherlandsRDNewQuad/9/" + coarse.row()
        + "/" + coarse.column() + "?category=woninginbraak").body());
    assertThat(cells.getLayer("incidents")).isNull();
    assertThat(tagValues(cells.getLayer("incident-cells"), "count")).containsExactly(1L);
  }

  @Test
  void anRdNewMapTileIsDrawnWhereTheMapIs() throws Exception {
    // level 3, row 3, column 4: x 155 000 to 265 100.48, y 463 000 to 573 100.48
    BufferedImage image = png(analyst.getBytes("/ogc/collections/municipalities/map/tiles/NetherlandsRDNewQuad/3/3/4"));
    Envelope bounds = RD.tileEnvelope(3, 3, 4);
    assertThat(alphaAt(image, bounds, 194_215, 475_000)).as("inside Apeldoorn").isPositive();
    assertThat(alphaAt(image, bounds, 252_000, 480_000)).as("inside Enschede").isPositive();
    assertThat(alphaAt(image, bounds, 165_000, 510_000)).as("Dronten, Flevoland: not served").isZero();
    assertThat(alphaAt(image, bounds, 200_000, 560_000)).as("north of Overijssel").isZero();
  }

  @Test
  void webMercatorQuadTilesAreTheXyzTiles() {
    TileCoordinate xyz = VectorTileApiTest.tileAt(BVH_001.x, BVH_001.y, 10);
    byte[] ogc = analyst.getBytes("/ogc/layers/municipalities/tiles/WebMercatorQuad/10/" + xyz.y() + "/" + xyz.x())
        .body();
    byte[] api = analyst.getBytes("/api/v1/tiles/municipalities/" + xyz + ".mvt").body();
    assertThat(ogc).isEqualTo(api);
    byte[] ogcPng = analyst.getBytes("/ogc/layers/heatmap/map/tiles/WebMercatorQuad/10/" + xyz.y() + "/" + xyz.x())
        .body();
    assertThat(ogcPng).isEqualTo(analyst.getBytes("/api/v1/tiles/heatmap/" + xyz + ".png").body());
  }

  @Test
  void otherRolesGetWhatTheyGetFromTheXyzTilesAndNoMore() throws Exception {
    MatrixTile tile = RD.tileContaining(12, BVH_001.x, BVH_001.y);
    String address = "/NetherlandsRDNewQuad/12/" + tile.row() + "/" + tile.column();
    // the incidents collection is raw data; the incidents layer gives the board cells with small counts left out
    problem(board.get("/ogc/collections/incidents/tiles"), 403);
    HttpResponse<byte[]> cells = board.getBytes("/ogc/layers/incidents/tiles" + address);
    assertThat(cells.statusCode()).isEqualTo(200);
    var decoded = decode(cells.body());
    assertThat(decoded.getLayer("incidents")).isNull();
    assertThat(decoded.getLayer("incident-cells") == null
        || decoded.getLayer("incident-cells").getGeometries().isEmpty()).as("one incident: below 10").isTrue();
    assertThat(board.getBytes("/ogc/layers/hemp-sites/tiles" + address).statusCode()).isEqualTo(403);
    assertThat(board.getBytes("/ogc/layers/heatmap/map/tiles" + address).statusCode()).isEqualTo(403);
    problem(board.get("/ogc/layers/hotspots/tiles/NetherlandsRDNewQuad"), 403);
    problem(board.get("/ogc/layers/risk-terrain/tiles/NetherlandsRDNewQuad"), 403);
    // figures from incidents are not the administrator's business, as for /api/v1/tiles
    assertThat(admin.getBytes("/ogc/layers/municipalities/tiles" + address).statusCode()).isEqualTo(403);
    problem(admin.get("/ogc/tiles"), 403);

    List<String> listed = new ArrayList<>();
    json(board.get("/ogc/tiles")).get("tilesets").forEach(t -> listed.add(t.get("links").get(0).get("href")
        .asString()));
    assertThat(listed).hasSize(12).allMatch(href -> href.contains("/layers/municipalities/")
        || href.contains("/layers/instrument-gaps/") || href.contains("/layers/incidents/"));
    // the analyst's 34: vector and map tilesets in both tile matrix sets of all layers but the heatmap (map only)
    assertThat(json(analyst.get("/ogc/tiles")).get("tilesets")).hasSize(34);
  }

  /** A municipal account sees figures of its own municipality and its neighbours only, in RD New tiles too. */
  @Test
  void aMunicipalAccountSeesItsScopeInRdNewTiles() throws Exception {
    ApiClient apeldoorn = admin.account("gm-apeldoorn", "MUNICIPALITY", "GM0200");
    MatrixTile tile = RD.tileContaining(3, BVH_001.x, BVH_001.y);
    HttpResponse<byte[]> response = apeldoorn.getBytes("/ogc/collections/municipalities/tiles/NetherlandsRDNewQuad/3/"
        + tile.row() + "/" + tile.column());
    assertThat(response.statusCode()).isEqualTo(200);
    Map<String, String> states = new HashMap<>();
    Map<String, Object> enschede = new HashMap<>();
    for (var geometry : decode(response.body()).getLayer("municipalities").getGeometries()) {
      Map<?, ?> tags = (Map<?, ?>) geometry.getUserData();
      states.put((String) tags.get("code"), (String) tags.get("state"));
      if ("GM0153".equals(tags.get("code"))) {
        tags.forEach((key, value) -> enschede.put((String) key, value));
      }
    }
    assertThat(states.get("GM0200")).isIn("shown", "suppressed");
    assertThat(states.get("GM0153")).isEqualTo("outside-scope");
    assertThat(enschede).doesNotContainKeys("count", "value", "class");
    assertThat(apeldoorn.getBytes("/ogc/collections/incidents/tiles/NetherlandsRDNewQuad/3/" + tile.row() + "/"
        + tile.column()).statusCode()).isEqualTo(403);
  }

  @Test
  void badTileAddressesAreProblemsNamingTheParameter() {
    problem(analyst.get("/ogc/collections/municipalities/tiles/EuropeanETRS89_LAEAQuad/3/3/4"), 404);
    problem(analyst.get("/ogc/tileMatrixSets/EuropeanETRS89_LAEAQuad"), 404);
    assertThat(invalidParameter(analyst.get("/ogc/collections/municipalities/tiles/NetherlandsRDNewQuad/17/0/0")))
        .isEqualTo("tileMatrix");
    assertThat(invalidParameter(analyst.get("/ogc/collections/municipalities/tiles/NetherlandsRDNewQuad/3/8/0")))
        .isEqualTo("tileRow");
    assertThat(invalidParameter(analyst.get("/ogc/collections/municipalities/map/tiles/WebMercatorQuad/3/0/-1")))
        .isEqualTo("tileCol");
    assertThat(invalidParameter(analyst.get("/ogc/layers/incidents/tiles/WebMercatorQuad/3/x/0")))
        .isEqualTo("tileRow");
    assertThat(invalidParameter(analyst.get("/ogc/layers/incidents/tiles/WebMercatorQuad/3/0/0?category=fietsen")))
        .isEqualTo("category");
    problem(analyst.get("/ogc/layers/heatmap/tiles/WebMercatorQuad/3/0/0"), 404);
    problem(analyst.get("/ogc/collections/districts/tiles"), 404);
    problem(analyst.get("/ogc/layers/fietsen/tiles"), 404);
  }

  private static String invalidParameter(HttpResponse<String> response) {
    return problem(response, 400).get("invalidParams").get(0).get("name").asString();
  }

  private static List<String> rels(JsonNode document) {
    List<String> rels = new ArrayList<>();
    document.get("links").forEach(link -> rels.add(link.get("rel").asString()));
    return rels;
  }

  private static BufferedImage png(HttpResponse<byte[]> response) throws Exception {
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("image/png");
    return ImageIO.read(new ByteArrayInputStream(response.body()));
  }

  /** The opacity of the pixel of a 256-pixel tile over {@code bounds} at an RD New location. */
  private static int alphaAt(BufferedImage image, Envelope bounds, double x, double y) {
    int column = (int) ((x - bounds.getMinX()) / bounds.getWidth() * image.getWidth());
    int row = (int) ((bounds.getMaxY() - y) / bounds.getHeight() * image.getHeight());
    return new Color(image.getRGB(column, row), true).getAlpha();
  }
}
