package nl.veiligheidskaart.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * An analysis past the server's deadline stops its work and answers 503 problem+json naming the
 * setting; reads have no deadline. The deadline here is a millisecond, so every analysis meets it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "veiligheidskaart.demo-data=false", "veiligheidskaart.limits.request-deadline=1ms"})
class RequestDeadlineApiTest extends FreshServiceApiTest {

  @Test
  void analysesPastTheDeadlineStopWith503AndReadsHaveNone() {
    ApiClient analyst = signedIn("analist");
    for (String analysis : new String[] {
        "/api/v1/analysis/emerging-hotspots?category=woninginbraak&area=GM0150&cellSize=250&from=2025-01-01"
            + "&to=2026-01-01",
        "/api/v1/analysis/hotspots?category=woninginbraak&area=GM0150&cellSize=250&distanceBand=750",
        "/api/v1/analysis/density?category=woninginbraak&area=GM0150&cellSize=100&bandwidth=500"}) {
      var problem = ApiClient.problem(analyst.get(analysis), 503);
      assertThat(problem.get("detail").asString()).as(analysis).contains("veiligheidskaart.limits.request-deadline");
    }
    assertThat(analyst.get("/api/v1/municipalities/GM0150").statusCode()).isEqualTo(200);
  }
}
