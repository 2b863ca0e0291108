package nl.veiligheidskaart.service.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service's own settings (prefix {@code veiligheidskaart}).
 *
 * @param dataDir where the embedded database and the initial credentials live
 * @param geodataDir where official boundary files (CBS/PDOK GeoJSON or GeoPackage) are looked for
 * @param boundaryVintage the vintage year assumed when a boundary file does not say which it is
 * @param basemap the background map of the viewer
 * @param categories the incident categories an import accepts (codes are stored lower case)
 * @param intake settings of imports
 * @param demoData whether the first start loads the synthetic demonstration data
 * @param tiles settings of the map tiles
 * @param snapshots settings of map snapshots and briefings
 * @param audit settings of the audit trail
 * @param limits what one user may ask of the service: body sizes and the pace of heavy requests
 * @param oidc how the claims of an OpenID Connect access token become a role and a municipality
 * @param signIn how many failed sign-ins are tolerated before further ones are refused for a while
 */
@ConfigurationProperties("veiligheidskaart")
public record VeiligheidskaartProperties(
    @DefaultValue("./data") Path dataDir,
    @DefaultValue("../shared/geodata") Path geodataDir,
    @DefaultValue("2019") int boundaryVintage,
    @DefaultValue Basemap basemap,
    List<Category> categories,
    @DefaultValue Intake intake,
    @DefaultValue("true") boolean demoData,
    @DefaultValue Tiles tiles,
    @DefaultValue Snapshots snapshots,
    @DefaultValue Audit audit,
    @DefaultValue Limits limits,
    @DefaultValue Oidc oidc,
    @DefaultValue SignIn signIn) {

  /** An incident category: a stable code (in files and URLs) and a Dutch label (in the viewer). */
  public record Category(String code, String label) {
  }

  /**
   * @param borderToleranceMetres how far outside every municipality a point may lie and still be
   *     assigned to the nearest one (the reference boundaries are simplified)
   */
  public record Intake(@DefaultValue("500") double borderToleranceMetres) {
  }

  /**
   * @param cacheSeconds how long a rendered tile is kept in memory (0: every tile is rendered
   *     afresh); an import clears the cache at once, whatever this says
   * @param cacheMegabytes the most memory the tile cache may take
   */
  public record Tiles(@DefaultValue("60") int cacheSeconds, @DefaultValue("256") int cacheMegabytes) {
  }

  /**
   * @param retentionDays how long audit entries are kept; older ones are deleted every night
   *     (set it with the data protection officer; the default is two years)
   * @param differencingQueries more than this many different queries of one account to one endpoint,
   *     alike but for their period, themes or area, within the window raise an alert (differencing)
   * @param differencingWindow the window of that count
   */
  public record Audit(
      @DefaultValue("730") int retentionDays,
      @DefaultValue("30") int differencingQueries,
      @DefaultValue("10m") Duration differencingWindow) {

    public Audit {
      if (retentionDays < 1) {
        throw new IllegalArgumentException("veiligheidskaart.audit.retention-days must be at least 1");
      }
      if (differencingQueries < 1 || differencingWindow.isNegative() || differencingWindow.isZero()) {
        throw new IllegalArgumentException("veiligheidskaart.audit.differencing-* must be positive");
      }
    }
  }

  /**
   * Throttling of failed sign-ins (wrong password, unknown or disabled account), counted per
   * replica. Once an account or a client address has this many failures within the window, its
   * further sign-ins answer 429 with Retry-After, without a password check, until the oldest
   * failure is out of the window. A password remembered from a recent successful sign-in still works.
   *
   * @param accountFailures failures per user name (whether or not the account exists)
   * @param addressFailures failures per client address (behind the proxy: the forwarded address)
   * @param window how long a failure counts
   */
  public record SignIn(
      @DefaultValue("5") int accountFailures,
      @DefaultValue("20") int addressFailures,
      @DefaultValue("15m") Duration window) {

    public SignIn {
      if (accountFailures < 1 || addressFailures < 1 || window.isNegative() || window.isZero()) {
        throw new IllegalArgumentException("veiligheidskaart.sign-in.* must be positive");
      }
    }
  }

  /**
   * Abuse resistance. Heavy requests are the analyses, snapshots, briefing packs and imports:
   * each takes a processor for up to seconds. Uploads are bounded by Spring's
   * {@code spring.servlet.multipart.max-file-size}.
   *
   * @param heavyRequestsPerMinute how many heavy requests one user may make per minute (as a burst,
   *     refilled evenly over the minute); more answer 429 with Retry-After
   * @param heavyRequestsAtOnce how many heavy requests of one user may run at the same time
   * @param jsonBodyKilobytes the largest JSON request body (a snapshot request is under 2 kB); larger answer 413
   */
  public record Limits(
      @DefaultValue("60") int heavyRequestsPerMinute,
      @DefaultValue("2") int heavyRequestsAtOnce,
      @DefaultValue("64") int jsonBodyKilobytes) {

    public Limits {
      if (heavyRequestsPerMinute < 1 || heavyRequestsAtOnce < 1 || jsonBodyKilobytes < 1) {
        throw new IllegalArgumentException("veiligheidskaart.limits.* must be at least 1");
      }
    }
  }

  /**
   * Sign-in with bearer tokens from the organisation's identity provider, beside local accounts.
   * It is on when Spring's {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} (or
   * {@code jwk-set-uri}) is set; these settings say how to read a token.
   *
   * @param usernameClaim the claim that names the user in the audit trail
   * @param roleClaim the claim holding the user's roles or groups: a string or a list of strings,
   *     a dotted path for nested claims (Keycloak: {@code realm_access.roles})
   * @param roles which claim value means which role (ANALYST, MUNICIPALITY, BBG, ADMIN); when
   *     empty, the role names themselves. Other values are ignored.
   * @param municipalityClaim the claim with the municipality code (GM0200) of a MUNICIPALITY user
   */
  public record Oidc(
      @DefaultValue("preferred_username") String usernameClaim,
      @DefaultValue("roles") String roleClaim,
      Map<String, String> roles,
      @DefaultValue("municipality") String municipalityClaim) {

    public Oidc {
      roles = roles == null ? Map.of() : Map.copyOf(roles);
    }
  }

  /**
   * @param marking the classification marking printed at the top and bottom of every page
   * @param source the source line of every page
   */
  public record Snapshots(
      @DefaultValue("Niet openbaar – uitsluitend voor de geadresseerden") String marking,
      @DefaultValue("Bron: politie Oost-Nederland, CBS; grenzen: CBS/Kadaster (PDOK)") String source) {
  }

  /**
   * @param url an XYZ tile URL template in Web Mercator; empty for no basemap (offline use)
   * @param attribution shown in the map corner, HTML allowed as in Leaflet
   * @param geocoderUrl a PDOK Locatieserver "free" search endpoint for the viewer's address search;
   *     empty for none. Without a basemap there is no address search either.
   */
  public record Basemap(
      @DefaultValue("https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png")
      String url,
      @DefaultValue("Kaartgegevens &copy; <a href=\"https://www.kadaster.nl\">Kadaster</a>") String attribution,
      @DefaultValue("https://api.pdok.nl/bzk/locatieserver/search/v3_1/free") String geocoderUrl) {

    public boolean enabled() {
      return url != null && !url.isBlank();
    }

    public boolean geocoderEnabled() {
      return enabled() && geocoderUrl != null && !geocoderUrl.isBlank();
    }
  }}
