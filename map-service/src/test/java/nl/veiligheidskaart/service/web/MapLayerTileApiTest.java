package nl.veiligheidskaart.service.web;

import static nl.veiligheidskaart.service.config.Zones.NETHERLANDS;
import static nl.veiligheidskaart.service.web.ApiClient.json;
import static nl.veiligheidskaart.service.web.ApiClient.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.geodata.crs.CrsTransform;
import nl.veiligheidskaart.service.SharedGeodata;
import nl.veiligheidskaart.service.demo.DemoDataGenerator;
import nl.veiligheidskaart.tiles.geo.TileCoordinate;
import nl.veiligheidskaart.tiles.render.MapStyle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.databind.JsonNode;

/**
 * The analysis and choropleth layers as tiles, on the demo data with its planted Deventer burglary
 * hotspot: pixels at known places, PNG and MVT telling the same story, legends matching the
 * colours, and the rules per role.
 */
class MapLayerTileApiTest extends DemoServiceApiTest {

  static boolean bbgCreated;

  ApiClient analyst;
  ApiClient bbg;

  @BeforeEach
  void signIn() {
    analyst = ApiClient.signedIn("http://localhost:" + port, DATA_DIR, "analist");
    if (!bbgCreated) {
      ApiClient.signedIn("http://localhost:" + port, DATA_DIR, "beheer").postJson("/api/v1/admin/users",
          Map.of("username", "bbg-lid", "password", "lang-genoeg-wachtwoord", "role", "BBG"));
      bbgCreated = true;
    }
    bbg = analyst.as("bbg-lid", "lang-genoeg-wachtwoord");
  }

  private static final Coordinate HOTSPOT = CrsTransform.transform(new Coordinate(DemoDataGenerator.HOTSPOT.x(),
      DemoDataGenerator.HOTSPOT.y()), Crs.RD_NEW, Crs.WEB_MERCATOR);

  @Test
  void thePlantedHotspotIsDrawnInTheHotSpotColour() throws Exception {
    TileCoordinate tile = TileCoordinate.containing(HOTSPOT.x, HOTSPOT.y, 12);

    BufferedImage image = png(analyst.getBytes("/api/v1/tiles/hotspots/" + tile + ".png?category=woninginbraak"));

    assertThat(image.getWidth()).isEqualTo(256);
    int[] pixel = pixelOf(tile, HOTSPOT, 256);
    assertThat(new Color(image.getRGB(pixel[0], pixel[1]), true)).isEqualTo(MapStyle.giBinColour(3));
  }

  /** A theme and period without incidents: no scale for the grid, so a map without hot spots, not an error. */
  @Test
  void aSelectionTooSmallForTheAnalysisDrawsNoCells() throws Exception {
    TileCoordinate tile = TileCoordinate.containing(HOTSPOT.x, HOTSPOT.y, 12);
    String empty = "?category=woninginbraak&from=2001-01-01&to=2001-02-01";

    HttpResponse<byte[]> png = analyst.getBytes("/api/v1/tiles/hotspots/" + tile + ".png" + empty);
    HttpResponse<byte[]> mvt = analyst.getBytes("/api/v1/tiles/hotspots/" + tile + ".mvt" + empty);

    assertThat(png.statusCode()).isEqualTo(200);
    BufferedImage image = png(png);
    assertThat(new Color(image.getRGB(128, 128), true).getAlpha()).isZero();
    assertThat(mvt.statusCode()).isEqualTo(200);
    // the analysis itself still says why: a 400 naming cellSize
    assertThat(analyst.get("/api/v1/analysis/hotspots" + empty + "&area=GM0150").statusCode()).isEqualTo(400);
  }

  @Test
  void at2xTheSameMapHasTwiceThePixels() throws Exception {
    TileCoordinate tile = TileCoordinate.containing(HOTSPOT.x, HOTSPOT.y, 12);

    BufferedImage image = png(analyst.getBytes("/api/v1/tiles/hotspots/" + tile + "@2x.png?category=woninginbraak"));

    assertThat(image.getWidth()).isEqualTo(512);
    int[] pixel = pixelOf(tile, HOTSPOT, 512);
    assertThat(new Color(image.getRGB(pixel[0], pixel[1]), true)).isEqualTo(MapStyle.giBinColour(3));
  }

  @Test
  void theHeatmapIsHotAtThePlantedHotspotAndItsLegendIsInIncidentsPerKm2() throws Exception {
    TileCoordinate tile = TileCoordinate.containing(HOTSPOT.x, HOTSPOT.y, 13);

    BufferedImage image = png(analyst.getBytes("/api/v1/tiles/heatmap/" + tile + ".png?category=woninginbraak"));

    int[] pixel = pixelOf(tile, HOTSPOT, 256);
    Color atHotspot = new Color(image.getRGB(pixel[0], pixel[1]), true);
    assertThat(atHotspot.getAlpha()).as("the upper half of the ramp").isGreaterThanOrEqualTo(
        MapStyle.densityColour(0.5).getAlpha());
    JsonNode tileJson = json(analyst.get("/api/v1/tiles/heatmap.json?category=woninginbraak"));
    assertThat(tileJson.get("tiles").get(0).asString())
        .endsWith("/api/v1/tiles/heatmap/{z}/{x}/{y}.png?category=woninginbraak");
    assertThat(tileJson.get("legend_data").get("unit").asString()).isEqualTo("incidenten per km²");
    assertThat(tileJson.get("vector_layers")).isEmpty();
  }

  /** The PNG's colour of Deventer is the legend colour of the class its MVT feature carries. */
  @Test
  void theChoroplethPngMvtAndLegendAgree() throws Exception {
    String query = "?category=woninginbraak&measure=rate";
    TileCoordinate tile = TileCoordinate.containing(HOTSPOT.x, HOTSPOT.y, 9);
    JtsLayer municipalities = VectorTileApiTest.decode(analyst.getBytes("/api/v1/tiles/municipalities/" + tile
        + ".mvt" + query).body()).getLayer("municipalities");
    Map<String, Object> deventer = tags(municipalities, "GM0150");
    assertThat(deventer.get("state")).isEqualTo("shown");
    JsonNode legend = json(analyst.get("/api/v1/tiles/municipalities.json" + query)).get("legend_data");
    // the inhabitants of the year nearest to the period (the demo data's default period: this year)
    String title = legend.get("title").asString();
    assertThat(title).startsWith("Incidenten per 1.000 inwoners (inwoners op 1 januari 20");
    String year = title.substring(title.length() - 5, title.length() - 1);
    long inhabitants = Files.readAllLines(SharedGeodata.file(
        "population-oost-nederland.csv")).stream().map(line -> line.split(","))
        .filter(row -> row[0].equals("GM0150") && row[2].equals(year)).mapToLong(row -> Long.parseLong(row[3]))
        .findFirst().orElseThrow();
    assertThat(((Number) deventer.get("value")).doubleValue())
        .isCloseTo(1000.0 * ((Number) deventer.get("count")).longValue() / inhabitants, within(1e-6));
    assertThat(json(analyst.get("/api/v1/tiles/municipalities.json?category=woninginbraak&measure=density"))
        .get("legend_data").get("title").asString()).isEqualTo("Incidenten per km²");
    String colour = legend.get("entries").get(((Number) deventer.get("class")).intValue()).get("colour").asString();

    BufferedImage image = png(analyst.getBytes("/api/v1/tiles/municipalities/" + tile + ".png" + query));

    int[] pixel = pixelOf(tile, HOTSPOT, 256);
    assertThat(String.format("#%06x", image.getRGB(pixel[0], pixel[1]) & 0xffffff)).isEqualTo(colour);
  }

  @Test
  void changeIsMeasuredAgainstThePreviousPeriodOfTheSameLength() throws Exception {
    LocalDate to = LocalDate.now(NETHERLANDS).withDayOfMonth(1);
    LocalDate from = to.minusMonths(6);
    LocalDate previousFrom = from.minusMonths(6); // half a year: the half year before
    TileCoordinate tile = TileCoordinate.containing(HOTSPOT.x, HOTSPOT.y, 8);
    JtsLayer municipalities = VectorTileApiTest.decode(analyst.getBytes("/api/v1/tiles/municipalities/" + tile
        + ".mvt?measure=change&from=" + from + "&to=" + to).body()).getLayer("municipalities");
    Map<String, Object> deventer = tags(municipalities, "GM0150");
    long count = ((Number) deventer.get("count")).longValue();
    long previous = ((Number) deventer.get("previousCount")).longValue();
    long inPeriod = json(analyst.get("/api/v1/incidents?municipality=GM0150&from=" + from + "&to=" + to
        + "&limit=1")).get("numberMatched").asLong();
    long before = json(analyst.get("/api/v1/incidents?municipality=GM0150&from=" + previousFrom + "&to=" + from
        + "&limit=1")).get("numberMatched").asLong();
    assertThat(count).isEqualTo(inPeriod);
    assertThat(previous).isEqualTo(before);
    assertThat(((Number) deventer.get("value")).doubleValue()).isCloseTo(100.0 * (count - previous) / previous,
        org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void theBoardSeesAggregatesWithSmallCountsSuppressedAndNoAnalysisLayers() throws Exception {
    LocalDate month = LocalDate.now(NETHERLANDS).withDayOfMonth(1).minusMonths(2);
    String oneMonth = "?category=omg&from=" + month + "&to=" + month.plusMonths(1);
    TileCoordinate tile = TileCoordinate.containing(HOTSPOT.x, HOTSPOT.y, 8);
    assertThat(bbg.getBytes("/api/v1/tiles/municipalities/" + tile + ".mvt?from=" + month.plusDays(3))
        .statusCode()).as("a period of no whole months").isEqualTo(400);
    JtsLayer forBoard = VectorTileApiTest.decode(bbg.getBytes("/api/v1/tiles/municipalities/" + tile + ".mvt"
        + oneMonth).body()).getLayer("municipalities");
    JtsLayer forAnalyst = VectorTileApiTest.decode(analyst.getBytes("/api/v1/tiles/municipalities/" + tile + ".mvt"
        + oneMonth).body()).getLayer("municipalities");
    Map<String, Object> deventerForBoard = tags(forBoard, "GM0150");
    assertThat(deventerForBoard.get("state")).isEqualTo("suppressed");
    assertThat(deventerForBoard).doesNotContainKey("count");
    assertThat(((Number) tags(forAnalyst, "GM0150").get("count")).longValue()).isBetween(0L, 9L);
    assertThat(json(bbg.get("/api/v1/tiles/municipalities.json" + oneMonth)).get("legend").asString())
        .contains("Te weinig om te tonen");

    BufferedImage image = png(bbg.getBytes("/api/v1/tiles/municipalities/" + tile + ".png" + oneMonth));
    int[] pixel = pixelOf(tile, HOTSPOT, 256);
    // grey with grey hatch lines (antialiased: shades between the two greys) around Deventer's hotspot
    boolean plainGreySeen = false;
    for (int dx = -3; dx <= 3; dx++) {
      for (int dy = -3; dy <= 3; dy++) {
        Color colour = new Color(image.getRGB(pixel[0] + dx, pixel[1] + dy), true);
        assertThat(colour.getRed()).as(colour.toString()).isEqualTo(colour.getGreen()).isEqualTo(colour.getBlue())
            .isBetween(MapStyle.HATCH.getRed(), MapStyle.SUPPRESSED.getRed());
        plainGreySeen |= colour.equals(MapStyle.SUPPRESSED);
      }
    }
    assertThat(plainGreySeen).isTrue();

    for (String layer : new String[] {"heatmap", "hotspots", "risk-terrain", "hemp-sites"}) {
      assertThat(bbg.getBytes("/api/v1/tiles/" + layer + "/" + tile + ".png").statusCode()).as(layer).isEqualTo(403);
      problem(bbg.get("/api/v1/tiles/" + layer + ".json"), 403);
    }
  }

  @Test
  void everyLayerHasPngTiles() throws Exception {
    TileCoordinate tile = TileCoordinate.containing(HOTSPOT.x, HOTSPOT.y, 10);
    for (String layer : new String[] {"municipalities", "instrument-gaps", "incidents", "heatmap", "hotspots",
        "risk-terrain", "hemp-sites", "holiday-parks", "omg-clubhouses"}) {
      HttpResponse<byte[]> response = analyst.getBytes("/api/v1/tiles/" + layer + "/" + tile + ".png");
      assertThat(response.statusCode()).as(layer).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type")).as(layer).contains("image/png");
      assertThat(response.headers().firstValue("ETag")).as(layer).isPresent();
      assertThat(png(response).getWidth()).as(layer).isEqualTo(256);
    }
  }

  @Test
  void badRequestsNameTheirParameter() {
    assertThat(problem(analyst.get("/api/v1/tiles/municipalities/8/132/84.png?measure=per-inwoner"), 400)
        .get("invalidParams").get(0).get("name").asString()).isEqualTo("measure");
    problem(analyst.get("/api/v1/tiles/heatmap/8/132/84.mvt"), 404);
    assertThat(problem(analyst.get("/api/v1/tiles/heatmap.json?format=mvt"), 400).get("invalidParams").get(0)
        .get("name").asString()).isEqualTo("format");
    problem(analyst.get("/api/v1/tiles/hotspots/8/132/84@3x.png"), 400);
  }

  private static BufferedImage png(HttpResponse<byte[]> response) throws Exception {
    assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(200);
    return ImageIO.read(new ByteArrayInputStream(response.body()));
  }

  /** The pixel of a Web Mercator point in a tile of {@code size} pixels. */
  private static int[] pixelOf(TileCoordinate tile, Coordinate mercator, int size) {
    Envelope bounds = tile.bounds();
    return new int[] {(int) ((mercator.x - bounds.getMinX()) / bounds.getWidth() * size),
        (int) ((bounds.getMaxY() - mercator.y) / bounds.getHeight() * size)};
  }

  private static Map<String, Object> tags(JtsLayer layer, String code) {
    for (Geometry geometry : layer.getGeometries()) {
      Map<?, ?> tags = (Map<?, ?>) geometry.getUserData();
      if (code.equals(tags.get("code"))) {
        Map<String, Object> copy = new HashMap<>();
        tags.forEach((k, v) -> copy.put((String) k, v));
        return copy;
      }
    }
    throw new AssertionError("no municipality " + code + " in the tile");
  }
}
