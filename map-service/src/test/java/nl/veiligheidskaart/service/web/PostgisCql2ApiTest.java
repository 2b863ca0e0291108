package nl.veiligheidskaart.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import nl.veiligheidskaart.service.OnPostgis;
import nl.veiligheidskaart.service.store.IncidentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The CQL2 filters of OGC API - Features on PostGIS, the production store: the same answers as on H2GIS. */
@OnPostgis
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "veiligheidskaart.demo-data=false")
class PostgisCql2ApiTest {

  @Value("${veiligheidskaart.data-dir}")
  Path dataDir;

  @LocalServerPort
  int port;

  @Autowired
  IncidentRepository incidents;

  /** The PostGIS is shared with other test classes: this one counts only its own incidents, and leaves none. */
  @BeforeEach
  @AfterEach
  void withoutIncidents() {
    incidents.deleteAllInBatch();
  }

  @Test
  void cql2FiltersInTextAndJsonOnPostgis() {
    String base = "http://localhost:" + port;
    ApiClient admin = ApiClient.signedIn(base, dataDir, "beheer");
    assertThat(admin.upload("/api/v1/import/incidents", IntakeApiTest.fixture("incidents-valid.csv")).statusCode())
        .isEqualTo(200);
    Cql2FilterChecks.assertFilters(ApiClient.signedIn(base, dataDir, "analist"));
  }
}
