package nl.veiligheidskaart.service.web;

import static nl.veiligheidskaart.service.web.ApiClient.json;
import static nl.veiligheidskaart.service.web.ApiClient.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.veiligheidskaart.service.audit.AuditEntryEntity;
import nl.veiligheidskaart.service.audit.AuditEntryRepository;
import nl.veiligheidskaart.service.demo.DemoDataGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import tools.jackson.databind.JsonNode;

/**
 * Risk terrain modelling over HTTP on the demo data, which plants hemp nuisance reports around the
 * hemp sites ({@link DemoDataGenerator#RISK_RELATION}): the model finds that layer first with a
 * relative risk above 1 and chooses no other; the cells carry their relative risk score; bad input
 * is named; only analysts get an answer, and every request is an audit row with its area.
 */
class RiskTerrainApiTest extends DemoServiceApiTest {

  @Autowired
  AuditEntryRepository audit;

  ApiClient analyst;

  @BeforeEach
  void signIn() {
    analyst = ApiClient.signedIn("http://localhost:" + port, DATA_DIR, "analist");
  }

  @Test
  void thePlantedHempSiteRelationRanksFirstAndNoOtherLayerIsChosen() {
    HttpResponse<String> response = analyst.get("/api/v1/analysis/risk-terrain?category="
        + DemoDataGenerator.RISK_RELATION.category() + "&area=all&cellSize=500");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode result = json(response);
    JsonNode factors = result.get("riskFactors");
    assertThat(factors).hasSize(1);
    JsonNode first = factors.get(0);
    assertThat(first.get("rank").asInt()).isEqualTo(1);
    assertThat(first.get("layer").asString()).isEqualTo(DemoDataGenerator.RISK_RELATION.layer());
    assertThat(first.get("relativeRiskValue").asDouble()).isGreaterThan(1);
    assertThat(first.get("relativeRiskValue").asDouble()).isCloseTo(Math.exp(first.get("coefficient").asDouble()),
        within(1e-9));
    assertThat(first.get("p").asDouble()).isLessThan(0.001);
    assertThat(first.get("operationalisation").asString()).isIn("proximity", "density");
    assertThat(first.get("distance").asDouble()).isIn(500.0, 1000.0, 1500.0);
    assertThat(result.get("notChosen").toString()).isEqualTo("[\"holiday-parks\",\"omg-clubhouses\"]");
    JsonNode parameters = result.get("analysis").get("parameters");
    assertThat(parameters.get("lambda").get("chosenBy").asString()).startsWith("lambda.1se");
    assertThat(parameters.get("alpha").get("value").asDouble()).isEqualTo(0.5);
  }

  @Test
  void eachCellCarriesItsRelativeRiskScore() {
    JsonNode result = json(analyst.get("/api/v1/analysis/risk-terrain?category=hennep&area=VR05&cellSize=250"
        + "&factors=hemp-sites,omg-clubhouses&seed=7&crs=EPSG:28992"));

    assertThat(result.get("features")).hasSize(result.get("analysis").get("n").asInt());
    assertThat(result.get("analysis").get("parameters").get("factors").get("value").toString())
        .isEqualTo("[\"hemp-sites\",\"omg-clubhouses\"]");
    Map<String, Double> valueOf = new java.util.HashMap<>();
    result.get("riskFactors").forEach(f -> valueOf.put(f.get("layer").asString(), f.get("relativeRiskValue").asDouble()));
    int withFactors = 0;
    for (JsonNode feature : result.get("features")) {
      JsonNode properties = feature.get("properties");
      assertThat(properties.get("cellId").asString()).startsWith("250m_E");
      double expected = 1;
      for (JsonNode layer : properties.get("riskFactors")) {
        expected *= valueOf.get(layer.asString());
        withFactors++;
      }
      assertThat(properties.get("relativeRisk").asDouble()).isCloseTo(expected, within(1e-9));
    }
    assertThat(withFactors).isPositive();
  }

  @Test
  void badParametersAreNamed() {
    assertThat(invalid("/api/v1/analysis/risk-terrain?category=hennep&factors=hemp-sites,kroegen")).isEqualTo("factors");
    assertThat(invalid("/api/v1/analysis/risk-terrain?category=hennep&cellSize=10")).isEqualTo("cellSize");
    assertThat(invalid("/api/v1/analysis/risk-terrain?category=hennep&alpha=0")).isEqualTo("alpha");
    // all 76 municipalities at 250 m from every layer: some 2.5 million cells × columns, refused before any work
    assertThat(invalid("/api/v1/analysis/risk-terrain?category=hennep&area=all&cellSize=250")).isEqualTo("cellSize");
    assertThat(invalid("/api/v1/analysis/risk-terrain?category=hennep&area=GM9999")).isEqualTo("area");
    assertThat(invalid("/api/v1/analysis/risk-terrain?category=brandstichting")).isEqualTo("category");
  }

  private String invalid(String path) {
    return problem(analyst.get(path), 400).get("invalidParams").get(0).get("name").asString();
  }

  @Test
  void theMapLayerIsForAnalystsWithADutchLegend() {
    JsonNode tileJson = json(analyst.get("/api/v1/tiles/risk-terrain.json?category=hennep&format=png"));
    assertThat(tileJson.get("legend_data").get("title").asString()).isEqualTo("Relatief risico");
    List<String> labels = new ArrayList<>();
    tileJson.get("legend_data").get("entries").forEach(entry -> labels.add(entry.get("label").asString()));
    assertThat(labels).containsExactly("> 1 – 1,5", "1,5 – 2", "2 – 3", "3 – 5", "≥ 5");
  }

  @Test
  void everyRequestIsAnAuditRowWithItsArea() {
    analyst.get("/api/v1/analysis/risk-terrain?category=hennep&area=GM0150&cellSize=250");

    AuditEntryEntity newest = audit.findAll(PageRequest.of(0, 1, Sort.by(Sort.Direction.DESC, "id"))).getContent()
        .get(0);
    assertThat(newest.getEndpoint()).isEqualTo("/api/v1/analysis/risk-terrain");
    assertThat(newest.getUsername()).isEqualTo("analist");
    assertThat(newest.getArea()).contains("GM0150");
  }
}
