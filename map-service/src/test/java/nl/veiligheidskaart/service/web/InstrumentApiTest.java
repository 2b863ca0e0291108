package nl.veiligheidskaart.service.web;

import static nl.veiligheidskaart.service.web.ApiClient.json;
import static nl.veiligheidskaart.service.web.ApiClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.geodata.crs.CrsTransform;
import nl.veiligheidskaart.tiles.geo.TileCoordinate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * Instruments per municipality and the gaps between neighbours, worked by hand from the shared
 * neighbour list ({@code neighbours-oost-nederland-2019.csv}): Hengelo (GM0164) borders Borne
 * (GM0147), Enschede (GM0153), Haaksbergen (GM0158), Hof van Twente (GM1735) and Dinkelland
 * (GM1774); Enschede borders Haaksbergen, Hengelo, Losser (GM0168), Oldenzaal (GM0173) and Dinkelland.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "veiligheidskaart.demo-data=false")
class InstrumentApiTest extends FreshServiceApiTest {

  /** The tests share one service: each starts from no instruments anywhere they set them. */
  @BeforeEach
  void noInstruments() {
    ApiClient analyst = signedIn("analist");
    put(analyst, "GM0164", List.of());
    put(analyst, "GM0153", List.of());
  }

  @Test
  void gapsAreTheNeighbourPairsWhereOneHasAnInstrumentTheOtherLacks() {
    ApiClient analyst = signedIn("analist");
    assertThat(json(analyst.get("/api/v1/analysis/instrument-gaps"))).isEmpty();

    // 1. Damocles in Hengelo only: a gap towards each of its five neighbours
    put(analyst, "GM0164", List.of(Map.of("instrument", "damocles", "variant", "woningen en lokalen",
        "since", "2020-03-01", "note", "Beleidsregel 13b")));
    assertThat(pairs(json(analyst.get("/api/v1/analysis/instrument-gaps")))).containsExactly(
        "damocles GM0164>GM0147", "damocles GM0164>GM0153", "damocles GM0164>GM0158", "damocles GM0164>GM1735",
        "damocles GM0164>GM1774");

    // 2. Enschede adopts it too: their shared border is no gap any more; Enschede's other neighbours are
    put(analyst, "GM0153", List.of(Map.of("instrument", "damocles"), Map.of("instrument", "omg-basic-level",
        "since", "2021-01-01")));
    JsonNode gaps = json(analyst.get("/api/v1/analysis/instrument-gaps"));
    assertThat(pairs(gaps)).containsExactly(
        "damocles GM0153>GM0158", "damocles GM0153>GM0168", "damocles GM0153>GM0173", "damocles GM0153>GM1774",
        "damocles GM0164>GM0147", "damocles GM0164>GM0158", "damocles GM0164>GM1735", "damocles GM0164>GM1774",
        "omg-basic-level GM0153>GM0158", "omg-basic-level GM0153>GM0164", "omg-basic-level GM0153>GM0168",
        "omg-basic-level GM0153>GM0173", "omg-basic-level GM0153>GM1774");
    JsonNode first = gaps.get(4);
    assertThat(first.get("with").get("name").asString()).isEqualTo("Hengelo");
    assertThat(first.get("without").get("name").asString()).isEqualTo("Borne");
    assertThat(first.get("since").asString()).isEqualTo("2020-03-01");
    assertThat(first.get("label").asString()).isEqualTo("Damoclesbeleid");
    assertThat(pairs(json(analyst.get("/api/v1/analysis/instrument-gaps?instrument=omg-basic-level")))).hasSize(5);

    // 3. Hengelo drops Damocles: only Enschede's gaps remain, Hengelo now among them
    put(analyst, "GM0164", List.of());
    assertThat(pairs(json(analyst.get("/api/v1/analysis/instrument-gaps?instrument=damocles")))).containsExactly(
        "damocles GM0153>GM0158", "damocles GM0153>GM0164", "damocles GM0153>GM0168", "damocles GM0153>GM0173",
        "damocles GM0153>GM1774");

    JsonNode enschede = json(analyst.get("/api/v1/municipalities/GM0153/instruments"));
    assertThat(enschede.get("instruments")).hasSize(4);
    assertThat(enschede.get("instruments").get(0).get("inForce").asBoolean()).isTrue();
    assertThat(enschede.get("instruments").get(1).get("since").asString()).isEqualTo("2021-01-01");
    assertThat(enschede.get("instruments").get(1).get("updatedBy").asString()).isEqualTo("analist");
    assertThat(enschede.get("instruments").get(3).get("inForce").asBoolean()).isFalse();
  }

  @Test
  void aMunicipalityRecordsItsOwnInstrumentsOnlyAndBadEntriesAreNamed() {
    ApiClient analyst = signedIn("analist");
    ApiClient hengelo = signedIn("beheer").account("gm-hengelo-instrumenten", "MUNICIPALITY", "GM0164");
    assertThat(hengelo.putJson("/api/v1/municipalities/GM0164/instruments", Map.of("instruments",
        List.of(Map.of("instrument", "hemp-covenant")))).statusCode()).isEqualTo(200);
    problem(hengelo.putJson("/api/v1/municipalities/GM0153/instruments", Map.of("instruments",
        List.of(Map.of("instrument", "hemp-covenant")))), 403);
    problem(hengelo.putJson("/api/v1/municipalities/GM0153/instruments", Map.of()), 403);
    assertThat(json(hengelo.get("/api/v1/analysis/instrument-gaps"))).hasSize(5);

    assertThat(field(analyst.putJson("/api/v1/municipalities/GM0164/instruments", Map.of("instruments",
        List.of(Map.of("instrument", "damocles"), Map.of("instrument", "razzia")))))).isEqualTo("instruments[1].instrument");
    assertThat(field(analyst.putJson("/api/v1/municipalities/GM0164/instruments", Map.of("instruments",
        List.of(Map.of("instrument", "damocles", "since", "maart")))))).isEqualTo("instruments[0].since");
    assertThat(field(analyst.putJson("/api/v1/municipalities/GM0164/instruments", Map.of("instruments",
        List.of(Map.of("instrument", "damocles"), Map.of("instrument", "damocles")))))).isEqualTo("instruments[1].instrument");
    assertThat(field(analyst.putJson("/api/v1/municipalities/GM0164/instruments", Map.of()))).isEqualTo("instruments");
    problem(analyst.get("/api/v1/municipalities/GM9999/instruments"), 404);
    // nothing of the refused requests was stored
    assertThat(json(analyst.get("/api/v1/municipalities/GM0164/instruments")).get("instruments").get(3)
        .get("inForce").asBoolean()).isTrue();
  }

  @Test
  void theMapLayerColoursTheMunicipalitiesThatLackAnInstrumentANeighbourHas() {
    ApiClient analyst = signedIn("analist");
    put(analyst, "GM0164", List.of(Map.of("instrument", "damocles")));
    JsonNode tileJson = json(analyst.get("/api/v1/tiles/instrument-gaps.json"));
    assertThat(tileJson.get("vector_layers").get(0).get("id").asString()).isEqualTo("instrument-gaps");
    assertThat(tileJson.get("legend_data").get("entries")).hasSize(4);
    // Enschede (around 6.9 E, 52.22 N) lacks what Hengelo has: its tile holds features
    Coordinate enschede = CrsTransform.transform(new Coordinate(6.89, 52.22), Crs.WGS84, Crs.WEB_MERCATOR);
    TileCoordinate tile = TileCoordinate.containing(enschede.x, enschede.y, 10);
    HttpResponse<byte[]> mvt = analyst.getBytes("/api/v1/tiles/instrument-gaps/" + tile + ".mvt");
    assertThat(mvt.statusCode()).isEqualTo(200);
    assertThat(mvt.body().length).isGreaterThan(100);
    HttpResponse<byte[]> png = analyst.getBytes("/api/v1/tiles/instrument-gaps/" + tile + ".png");
    assertThat(png.statusCode()).isEqualTo(200);
  }

  private static void put(ApiClient client, String code, List<Map<String, String>> instruments) {
    HttpResponse<String> response = client.putJson("/api/v1/municipalities/" + code + "/instruments",
        Map.of("instruments", instruments));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  private static String field(HttpResponse<String> response) {
    return problem(response, 400).get("invalidParams").get(0).get("name").asString();
  }

  private static List<String> pairs(JsonNode gaps) {
    List<String> pairs = new ArrayList<>();
    gaps.forEach(gap -> pairs.add(gap.get("instrument").asString() + " " + gap.get("with").get("code").asString()
        + ">" + gap.get("without").get("code").asString()));
    return pairs;
  }
}
