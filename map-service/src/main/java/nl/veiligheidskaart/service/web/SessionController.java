package nl.veiligheidskaart.service.web;

import java.util.Locale;
import java.util.Map;
import nl.veiligheidskaart.service.api.ViewerConfig;
import nl.veiligheidskaart.service.config.VeiligheidskaartProperties;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.service.identity.SignedInUser;
import nl.veiligheidskaart.service.maptiles.MapLayerCatalogue;
import nl.veiligheidskaart.service.snapshots.DemoMarking;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the browser viewer asks before it starts: a CSRF token for the login form, and its settings. */
@RestController
class SessionController {

  private final VeiligheidskaartProperties properties;
  private final DemoMarking demo;
  private final MapLayerCatalogue catalogue;

  SessionController(VeiligheidskaartProperties properties, DemoMarking demo, MapLayerCatalogue catalogue) {
    this.properties = properties;
    this.demo = demo;
    this.catalogue = catalogue;
  }

  /** The token the login form posts back; reading it also sets the XSRF-TOKEN cookie for later calls. */
  @GetMapping("/csrf")
  Map<String, String> csrf(CsrfToken token) {
    return Map.of("parameterName", token.getParameterName(), "headerName", token.getHeaderName(),
        "token", token.getToken());
  }

  @GetMapping("/api/v1/viewer-config")
  ViewerConfig viewerConfig(Authentication authentication, DisclosurePolicy policy) {
    VeiligheidskaartProperties.Basemap basemap = properties.basemap();
    return new ViewerConfig(
        new ViewerConfig.Basemap(basemap.enabled() ? basemap.url() : null, basemap.attribution()),
        new ViewerConfig.Geocoder(basemap.geocoderEnabled() ? basemap.geocoderUrl() : null),
        SignedInUser.describe(authentication),
        properties.categories().stream()
            .map(c -> new ViewerConfig.Category(c.code().toLowerCase(Locale.ROOT), c.label())).toList(),
        catalogue.visibleTo(policy).stream()
            .map(layer -> new ViewerConfig.Layer(layer.id(), layer.title(), layer.hasVectorTiles(),
                layer.rawPointsFromZoom(policy).stream().boxed().findFirst().orElse(null))).toList(),
        policy.exact() ? null : policy.minimumCount(), policy.exact() ? null : DisclosurePolicy.ROUNDING_BASE,
        demo.loaded());
  }
}
