package nl.veiligheidskaart.service.web;

import static nl.veiligheidskaart.service.web.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.veiligheidskaart.service.OnPostgis;
import nl.veiligheidskaart.service.store.InterventionRepository;
import nl.veiligheidskaart.service.store.MunicipalityInstrumentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The register and the instruments on PostGIS, the production store (Flyway V8): stored and read back alike. */
@OnPostgis
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "veiligheidskaart.demo-data=false")
class PostgisInterventionApiTest {

  @Value("${veiligheidskaart.data-dir}")
  Path dataDir;

  @LocalServerPort
  int port;

  @Autowired
  InterventionRepository interventions;

  @Autowired
  MunicipalityInstrumentRepository instruments;

  /** The PostGIS is shared with other test classes: this one leaves no interventions or instruments. */
  @BeforeEach
  @AfterEach
  void empty() {
    interventions.deleteAllInBatch();
    instruments.deleteAllInBatch();
  }

  @Test
  void aDrawnInterventionAndInstrumentsAreStoredAndReadBack() {
    ApiClient analyst = ApiClient.signedIn("http://localhost:" + port, dataDir, "analist");
    // a square of about 1.1 km by 1.1 km in Hengelo, CRS84
    HttpResponse<String> created = analyst.postJson("/api/v1/interventions", Map.of("type", "cameratoezicht",
        "geometry", Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(6.785, 52.26),
            List.of(6.801, 52.26), List.of(6.801, 52.27), List.of(6.785, 52.27), List.of(6.785, 52.26)))),
        "date", "2024-03-01", "categories", List.of("woninginbraak", "jeugdoverlast")));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long id = json(created).get("id").asLong();
    JsonNode read = json(analyst.get("/api/v1/interventions/" + id));
    assertThat(read.get("municipality").asString()).isEqualTo("GM0164");
    JsonNode corner = read.get("geometry").get("coordinates").get(0).get(0).get(0);
    assertThat(corner.get(0).asDouble()).isCloseTo(6.785, org.assertj.core.api.Assertions.within(1e-6));
    assertThat(read.get("waterbed")).hasSize(6);
    assertThat(read.get("waterbed").get(0).get("buffer").get("description").asString())
        .isEqualTo("a ring of 500 m around the target");

    assertThat(analyst.putJson("/api/v1/municipalities/GM0164/instruments", Map.of("instruments",
        List.of(Map.of("instrument", "damocles", "since", "2020-03-01")))).statusCode()).isEqualTo(200);
    assertThat(json(analyst.get("/api/v1/analysis/instrument-gaps"))).hasSize(5);
    assertThat(analyst.delete("/api/v1/interventions/" + id).statusCode()).isEqualTo(204);
    assertThat(interventions.count()).isZero();
  }
}
