package nl.veiligheidskaart.service.web;

import static nl.veiligheidskaart.service.web.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import nl.veiligheidskaart.tiles.geo.TileCoordinate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

/**
 * A municipal account (Apeldoorn) reads nothing of a municipality outside its scope (Enschede)
 * through any path, and no answer to a municipal or board account, in JSON, MVT or PDF text, holds
 * a count below the minimum (demo data).
 */
class DisclosureScopeApiTest extends DemoServiceApiTest {

  static final String OWN = "GM0200";
  static final String ENSCHEDE = "GM0153";
  /** Apeldoorn and its neighbours (queen contiguity, 2019). */
  static final Set<String> SCOPE = Set.of("GM0200", "GM0202", "GM0203", "GM0213", "GM0228", "GM0232", "GM0233",
      "GM0277", "GM0285", "GM0302");

  ApiClient analyst;
  ApiClient board;
  ApiClient apeldoorn;

  @BeforeEach
  void signIn() {
    analyst = ApiClient.signedIn("http://localhost:" + port, DATA_DIR, "analist");
    ApiClient admin = ApiClient.signedIn("http://localhost:" + port, DATA_DIR, "beheer");
    board = admin.account("bbg-lid", "BBG", null);
    apeldoorn = admin.account("gm-apeldoorn", "MUNICIPALITY", OWN);
  }

  @Test
  void theScopeIsApeldoornAndItsNeighbours() {
    List<String> neighbours = new ArrayList<>();
    json(analyst.get("/api/v1/municipalities/" + OWN)).get("properties").get("neighbours")
        .forEach(n -> neighbours.add(n.asString()));
    neighbours.add(OWN);
    assertThat(neighbours).containsExactlyInAnyOrderElementsOf(SCOPE).doesNotContain(ENSCHEDE);
  }

  @Test
  void aMunicipalAccountReadsNothingOfEnschedeThroughAnyPath() throws Exception {
    // figures, statistics, the waterbed check and its overview
    refused(apeldoorn.get("/api/v1/municipalities/" + ENSCHEDE + "/figures"));
    assertThat(json(apeldoorn.get("/api/v1/area-statistics?municipality=" + ENSCHEDE))).isEmpty();
    json(apeldoorn.get("/api/v1/area-statistics?period=2018")).forEach(row ->
        assertThat(SCOPE).contains(row.get("municipality").asString()));
    String check = "/api/v1/analysis/displacement?category=woninginbraak&interventionDate=2025-07-01&window=P6M";
    refused(apeldoorn.get(check + "&target=" + ENSCHEDE));
    refused(apeldoorn.get(check + "&target=" + OWN + "&control=" + ENSCHEDE));
    refused(apeldoorn.get(check + "&target=GM0285&control=GM0150"));
    // a neighbour's check with a control inside the scope (Nunspeet does not border Voorst)
    assertThat(apeldoorn.get(check + "&target=GM0285&control=GM0302").statusCode()).isEqualTo(200);
    json(apeldoorn.get("/api/v1/analysis/displacement/overview?category=woninginbraak&interventionDate=2025-07-01"
        + "&window=P6M")).get("municipalities").forEach(row -> assertThat(SCOPE).contains(row.get("code")
            .asString()));

    // a drawn multipolygon with one part at home (Apeldoorn) and one in Enschede
    String twoParts = "{\"type\":\"MultiPolygon\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:28992\"}},"
        + "\"coordinates\":[[[[193000,469000],[195000,469000],[195000,471000],[193000,471000],[193000,469000]]],"
        + "[[[257000,470000],[259000,470000],[259000,472000],[257000,472000],[257000,470000]]]]}";
    refused(apeldoorn.postRaw(check + "&buffer=ring:500", "application/json",
        twoParts.getBytes(StandardCharsets.UTF_8)));
    String atHome = "{\"type\":\"Polygon\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:28992\"}},"
        + "\"coordinates\":[[[193000,469000],[195000,469000],[195000,471000],[193000,471000],[193000,469000]]]}";
    assertThat(apeldoorn.postRaw(check + "&buffer=ring:500", "application/json",
        atHome.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);

    // tiles over Enschede at every zoom that fits inside it: no cell, transparent pixels
    for (int z = 11; z <= 16; z++) {
      TileCoordinate tile = VectorTileApiTest.tileAt(258_000, 471_500, z);
      HttpResponse<byte[]> vector = apeldoorn.getBytes("/api/v1/tiles/incidents/" + tile + ".mvt");
      assertThat(vector.statusCode()).isEqualTo(200);
      JtsLayer cells = VectorTileApiTest.decode(vector.body()).getLayer("incident-cells");
      assertThat(cells == null || cells.getGeometries().isEmpty()).as("cells over Enschede at zoom %d", z).isTrue();
      assertThat(VectorTileApiTest.decode(analyst.getBytes("/api/v1/tiles/incidents/" + tile + ".mvt?category=")
          .body()).getLayers()).as("the analyst does see incidents there").isNotEmpty();
      HttpResponse<byte[]> raster = apeldoorn.getBytes("/api/v1/tiles/incidents/" + tile + ".png");
      assertThat(transparent(raster.body())).as("PNG over Enschede at zoom %d", z).isTrue();
    }
    TileCoordinate wide = VectorTileApiTest.tileAt(258_000, 471_500, 8);
    JtsMvt municipalities = VectorTileApiTest.decode(apeldoorn.getBytes("/api/v1/tiles/municipalities/" + wide
        + ".mvt").body());
    for (Geometry feature : municipalities.getLayer("municipalities").getGeometries()) {
      Map<?, ?> tags = (Map<?, ?>) feature.getUserData();
      if (!SCOPE.contains((String) tags.get("code"))) {
        assertThat(tags.get("state")).isEqualTo("outside-scope");
        assertThat(tags.get("count")).isNull();
        assertThat(tags.get("value")).isNull();
      }
    }

    // snapshots, briefings, raw data and exports
    refused(apeldoorn.postJson("/api/v1/snapshots", Map.of("area", ENSCHEDE, "layers", List.of("incidents"),
        "title", "Enschede")));
    refused(apeldoorn.get("/api/v1/briefings/VR05"));
    refused(apeldoorn.get("/api/v1/incidents?format=csv&municipality=" + ENSCHEDE));
    refused(apeldoorn.get("/ogc/collections/incidents/items?limit=1"));
  }

  /** No answer to a board or municipal account shows a count from 1 to 9, in JSON, vector tiles or PDF text. */
  @Test
  void noAnswerToANonAnalystHoldsASmallCount() throws Exception {
    for (ApiClient reader : List.of(board, apeldoorn)) {
      List<String> small = new ArrayList<>();
      for (String code : SCOPE) {
        for (String theme : List.of("", "&category=omg", "&category=verward-gedrag")) {
          DisclosureAttackApiTest.collectCounts(json(reader.get("/api/v1/municipalities/" + code + "/figures?"
              + theme)), code, small);
        }
      }
      DisclosureAttackApiTest.collectCounts(json(reader.get("/api/v1/area-statistics?period=2018")), "statistics",
          small);
      for (String theme : List.of("omg", "woninginbraak")) {
        String periods = "category=" + theme + "&interventionDate=2025-07-01&window=P6M";
        DisclosureAttackApiTest.collectCounts(json(reader.get("/api/v1/analysis/displacement/overview?" + periods)),
            "overview", small);
        DisclosureAttackApiTest.collectCounts(json(reader.get("/api/v1/analysis/displacement?target=" + OWN + "&"
            + periods)), "check", small);
      }
      for (int z = 8; z <= 13; z++) {
        TileCoordinate tile = VectorTileApiTest.tileAt(194_000, 469_500, z);
        for (String layer : List.of("incidents", "municipalities")) {
          for (String query : List.of("", "?category=omg", "?measure=change&category=hennep")) {
            JtsMvt mvt = VectorTileApiTest.decode(reader.getBytes("/api/v1/tiles/" + layer + "/" + tile + ".mvt"
                + query).body());
            for (JtsLayer content : mvt.getLayers()) {
              for (Geometry feature : content.getGeometries()) {
                Map<?, ?> tags = (Map<?, ?>) feature.getUserData();
                for (String field : List.of("count", "previousCount")) {
                  if (tags.get(field) instanceof Number number && (number.longValue() > 0 && number.longValue() < 10
                      || number.longValue() % 5 != 0)) {
                    small.add(layer + " " + tile + query + " " + field + " = " + number);
                  }
                }
              }
            }
          }
        }
        String legend = json(reader.get("/api/v1/tiles/incidents.json?category=omg")).get("legend").asString();
        assertThat(legend).as("legend classes start at the minimum").doesNotContainPattern("(^|[^0-9])[1-9] – ");
      }
      assertThat(small).as("small or unrounded counts shown").isEmpty();

      // a snapshot's text: the legend classes start at the minimum
      HttpResponse<byte[]> pdf = reader.postForBytes("/api/v1/snapshots", Map.of("area", OWN, "layers",
          List.of("municipalities", "incidents"), "category", List.of("omg"), "title", "OMG"));
      assertThat(pdf.statusCode()).isEqualTo(200);
      try (PDDocument document = Loader.loadPDF(pdf.body())) {
        String text = new PDFTextStripper().getText(document);
        assertThat(text).contains("minder dan 10").doesNotContainPattern("(?m)^[1-9] – ");
      }
    }
  }

  static void refused(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isEqualTo(403);
  }

  static boolean transparent(byte[] png) throws Exception {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) >>> 24) != 0) {
          return false;
        }
      }
    }
    return true;
  }
}
