package nl.veiligheidskaart.service.config;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

  /** One clock for every timestamp the service writes, replaceable in tests. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
