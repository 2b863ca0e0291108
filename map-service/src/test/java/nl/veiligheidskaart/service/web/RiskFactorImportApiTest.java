package nl.veiligheidskaart.service.web;

import static nl.veiligheidskaart.service.web.ApiClient.json;
import static nl.veiligheidskaart.service.web.ApiClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nl.veiligheidskaart.service.store.RiskFactorPointRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * An ADMIN imports a point layer as a new risk factor (CSV or GeoJSON, as the registers of risk
 * locations); it then is a layer a risk terrain takes; a bad file stores nothing, a bad name is named.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "veiligheidskaart.demo-data=false")
class RiskFactorImportApiTest extends FreshServiceApiTest {

  @Autowired
  RiskFactorPointRepository points;

  ApiClient admin;
  ApiClient analyst;

  @BeforeEach
  void signIn() {
    admin = signedIn("beheer");
    analyst = signedIn("analist");
  }

  @Test
  void anImportedLayerBecomesARiskFactorAndANewImportReplacesIt() {
    HttpResponse<String> response = admin.upload("/api/v1/import/risk-factors/cash-machines",
        IntakeApiTest.fixture("risk-factor-cash-machines.csv"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("accepted").asLong()).isEqualTo(3);
    assertThat(admin.upload("/api/v1/import/risk-factors/coffee-shops",
        IntakeApiTest.fixture("risk-factor-coffee-shops.geojson")).statusCode()).isEqualTo(200);

    // the layers a risk terrain takes now include both: the refusal of an unknown one lists them
    String detail = problem(analyst.get("/api/v1/analysis/risk-terrain?factors=pinautomaten"), 400).get("detail")
        .asString();
    assertThat(detail).contains("hemp-sites, holiday-parks, omg-clubhouses, cash-machines, coffee-shops");
    // too few incidents for a model: refused, naming the selection
    assertThat(admin.upload("/api/v1/import/incidents", IntakeApiTest.fixture("incidents-valid.csv")).statusCode())
        .isEqualTo(200);
    assertThat(problem(analyst.get("/api/v1/analysis/risk-terrain?area=GM0200&factors=cash-machines"), 400)
        .get("detail").asString()).contains("at least 30");
    // burglaries around the cash machine in Apeldoorn (GA-003) and spread over the town
    StringBuilder burglaries = new StringBuilder("source_id,category,occurred_at,x,y\n");
    for (int i = 0; i < 80; i++) {
      int x = i < 40 ? 194215 + (i % 7 - 3) * 60 : 190000 + (i * 397) % 8000;
      int y = i < 40 ? 469380 + (i % 5 - 2) * 60 : 466000 + (i * 211) % 7000;
      burglaries.append("B-").append(i).append(",woninginbraak,2024-03-01T21:30,").append(x).append(',').append(y)
          .append('\n');
    }
    assertThat(admin.upload("/api/v1/import/incidents?mode=lenient", "burglaries.csv",
        burglaries.toString().getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);
    HttpResponse<String> answer = analyst.get("/api/v1/analysis/risk-terrain?area=GM0200&factors=cash-machines,coffee-shops");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode model = json(answer);
    assertThat(model.get("analysis").get("parameters").get("factors").get("value").toString())
        .isEqualTo("[\"cash-machines\",\"coffee-shops\"]");
    List<String> layers = new ArrayList<>();
    model.get("riskFactors").forEach(f -> layers.add(f.get("layer").asString()));
    model.get("notChosen").forEach(n -> layers.add(n.asString()));
    assertThat(layers).containsExactlyInAnyOrder("cash-machines", "coffee-shops");

    // a new import of a name replaces its layer whole
    admin.upload("/api/v1/import/risk-factors/cash-machines", "one.csv", "source_id,x,y\nGA-9,211000,474000\n"
        .getBytes(StandardCharsets.UTF_8));
    assertThat(points.findByLayerOrderBySourceId("cash-machines")).extracting(p -> p.getSourceId())
        .containsExactly("GA-9");
  }

  @Test
  void aBadFileIsRefusedByLineAndStoresNothing() {
    JsonNode refusal = problem(admin.upload("/api/v1/import/risk-factors/bad-machines",
        IntakeApiTest.fixture("risk-factor-cash-machines-invalid.csv")), 400);

    List<Long> lines = new ArrayList<>();
    refusal.get("errors").forEach(error -> lines.add(error.get("line").asLong()));
    assertThat(lines).contains(3L, 4L);
    assertThat(points.findByLayerOrderBySourceId("bad-machines")).isEmpty();
  }

  @Test
  void aBadNameIsNamedAndOnlyAdminsImport() {
    byte[] csv = "source_id,x,y\nA,211000,474000\n".getBytes(StandardCharsets.UTF_8);
    assertThat(problem(admin.upload("/api/v1/import/risk-factors/Geld_Automaten", "a.csv", csv), 400)
        .get("invalidParams").get(0).get("name").asString()).isEqualTo("name");
    assertThat(problem(admin.upload("/api/v1/import/risk-factors/hemp-sites", "a.csv", csv), 400)
        .get("detail").asString()).contains("POST /api/v1/import/hemp-sites");
    assertThat(analyst.upload("/api/v1/import/risk-factors/cash-machines", "a.csv", csv).statusCode()).isEqualTo(403);
  }
}
