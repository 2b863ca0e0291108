package nl.veiligheidskaart.service.geography;

import nl.veiligheidskaart.geodata.reference.ReferenceGeography;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class GeographyConfiguration {

  /** The 76 municipalities and 5 districts of Oost-Nederland, as shipped with the service. */
  @Bean
  ReferenceGeography referenceGeography() {
    return ReferenceGeography.oostNederland();
  }
}
