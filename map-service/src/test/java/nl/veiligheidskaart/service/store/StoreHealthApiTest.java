package nl.veiligheidskaart.service.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import javax.sql.DataSource;
import nl.veiligheidskaart.service.config.VeiligheidskaartProperties;
import nl.veiligheidskaart.service.web.ApiClient;
import nl.veiligheidskaart.service.web.FreshServiceApiTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Health tells the truth: UP while the store takes writes; DOWN (503) when the store is closed or
 * its disk is full, for the whole health and the readiness group a load balancer asks, while the
 * liveness group stays UP (a restart would not bring the database back).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "veiligheidskaart.demo-data=false")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StoreHealthApiTest extends FreshServiceApiTest {

  @Autowired
  DataSource dataSource;

  @Autowired
  VeiligheidskaartProperties properties;

  @Test
  @Order(1)
  void upWhileTheStoreTakesWritesAndDownWhenItsDiskIsFull() {
    ApiClient anonymous = new ApiClient(baseUrl(), null);
    for (String path : new String[] {"/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness"}) {
      var answer = anonymous.get(path);
      assertThat(answer.statusCode()).as(path).isEqualTo(200);
      assertThat(ApiClient.json(answer).get("status").asString()).as(path).isEqualTo("UP");
    }
    // a disk with less room than the store needs: no disk of this machine has 10^12 MB free
    var full = new StoreHealthIndicator(dataSource, properties, 1_000_000_000_000L);
    assertThat(full.health(true).getStatus()).isEqualTo(Status.DOWN);
  }

  @Test
  @Order(2)
  void downWithin5SecondsWhenTheStoreIsClosedWhileLivenessStaysUp() {
    ((HikariDataSource) dataSource).close();
    ApiClient anonymous = new ApiClient(baseUrl(), null);
    for (String path : new String[] {"/actuator/health", "/actuator/health/readiness"}) {
      long started = System.nanoTime();
      var answer = anonymous.get(path);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).as(path).isLessThan(Duration.ofSeconds(5));
      assertThat(answer.statusCode()).as(path).isEqualTo(503);
      assertThat(ApiClient.json(answer).get("status").asString()).as(path).isEqualTo("DOWN");
    }
    var liveness = anonymous.get("/actuator/health/liveness");
    assertThat(liveness.statusCode()).isEqualTo(200);
  }
}
