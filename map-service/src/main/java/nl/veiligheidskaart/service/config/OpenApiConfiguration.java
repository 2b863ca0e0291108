package nl.veiligheidskaart.service.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The head of the OpenAPI description at /v3/api-docs: what the API is and how clients sign in
 * (HTTP Basic with an account), so that generated clients and the OGC test suite know both.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  static final String BASIC = "basic";

  @Bean
  OpenAPI veiligheidskaartOpenApi() {
    return new OpenAPI()
        .info(new Info().title("Veiligheidskaart Oost-Nederland").version("1")
            .description("Incidents, risk locations, analyses and map layers of the safety network of "
                + "Oost-Nederland; OGC API - Features under /ogc. Every endpoint but health needs an account."))
        .components(new Components().addSecuritySchemes(BASIC, new SecurityScheme()
            .type(SecurityScheme.Type.HTTP).scheme("basic")
            .description("A local account of the service (ask the administrator); QGIS and ArcGIS as a Basic "
                + "authentication configuration, GDAL through GDAL_HTTP_USERPWD")))
        .addSecurityItem(new SecurityRequirement().addList(BASIC));
  }
}
