package nl.veiligheidskaart.service.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.webmvc.api.OpenApiWebMvcResource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OpenAPI description under the media type OGC API clients ask for
 * ({@code application/vnd.oai.openapi+json;version=3.0}, as the landing page's service-desc link
 * says); springdoc itself answers only {@code application/json}. The document is springdoc's, which
 * exists only in a web application (not for the command line).
 */
@Hidden
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@RestController
class OpenApiDocumentController {

  static final String OPENAPI_JSON = "application/vnd.oai.openapi+json;version=3.0";

  private final OpenApiWebMvcResource openApi;
  private final SpringDocConfigProperties springDoc;

  OpenApiDocumentController(OpenApiWebMvcResource openApi, SpringDocConfigProperties springDoc) {
    this.openApi = openApi;
    this.springDoc = springDoc;
  }

  @GetMapping(path = "${springdoc.api-docs.path}", produces = "application/vnd.oai.openapi+json")
  ResponseEntity<byte[]> openApiDocument(HttpServletRequest request, Locale locale) throws Exception {
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(OPENAPI_JSON))
        .body(openApi.openapiJson(request, springDoc.getApiDocs().getPath(), locale));
  }
}
