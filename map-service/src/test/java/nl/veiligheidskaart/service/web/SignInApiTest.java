package nl.veiligheidskaart.service.web;

import static nl.veiligheidskaart.service.web.ApiClient.json;
import static nl.veiligheidskaart.service.web.ApiClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Signing in: bearer tokens from an OpenID Connect provider (here a key pair made for the test,
 * with Keycloak-style nested roles mapped to this service's roles) beside local accounts, and
 * the viewer's session cookie behind a TLS proxy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "veiligheidskaart.demo-data=false",
    "spring.security.oauth2.resourceserver.jwt.audiences=veiligheidskaart",
    "veiligheidskaart.oidc.role-claim=realm_access.roles",
    "veiligheidskaart.oidc.roles.vk-analist=ANALYST",
    "veiligheidskaart.oidc.roles.vk-gemeente=MUNICIPALITY",
    "veiligheidskaart.oidc.roles.vk-bbg=BBG",
    "veiligheidskaart.oidc.roles.vk-beheer=ADMIN"})
class SignInApiTest extends FreshServiceApiTest {

  static final KeyPair PROVIDER_KEY = rsaKeyPair();
  static final KeyPair FORGER_KEY = rsaKeyPair();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    Path publicKey = dataDir.resolve("provider-public-key.pem");
    Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(PROVIDER_KEY.getPublic().getEncoded())
        + "\n-----END PUBLIC KEY-----\n");
    registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> publicKey.toUri().toString());
  }

  ApiClient client() {
    return new ApiClient(baseUrl(), null);
  }

  @Test
  void tokenClaimsBecomeRoleAndMunicipalityUnderTheSameRulesAsLocalAccounts() {
    ApiClient analyst = client().withToken(token(claims("a.jansen@politie.nl", "vk-analist", "offline_access")));
    HttpResponse<String> config = analyst.get("/api/v1/viewer-config");
    assertThat(config.statusCode()).isEqualTo(200);
    assertThat(json(config).at("/user/username").asString()).isEqualTo("a.jansen@politie.nl");
    assertThat(json(config).at("/user/role").asString()).isEqualTo("ANALYST");
    assertThat(analyst.get("/api/v1/incidents?limit=1").statusCode()).isEqualTo(200);
    assertThat(analyst.get("/api/v1/incidents?limit=1").headers().allValues("Set-Cookie"))
        .as("bearer calls are stateless: no session").noneMatch(cookie -> cookie.startsWith("JSESSIONID"));

    Map<String, Object> zutphen = claims("p.devries@zutphen.nl", "vk-gemeente");
    zutphen.put("municipality", "GM0301");
    ApiClient municipality = client().withToken(token(zutphen));
    assertThat(json(municipality.get("/api/v1/viewer-config")).at("/user/municipality").asString()).isEqualTo("GM0301");
    assertThat(municipality.get("/api/v1/municipalities/GM0301/figures").statusCode()).isEqualTo(200);
    problem(municipality.get("/api/v1/municipalities/GM0150/figures"), 403);
    problem(municipality.get("/api/v1/incidents?limit=1"), 403);

    ApiClient board = client().withToken(token(claims("burgemeester@deventer.nl", "vk-bbg")));
    problem(board.get("/api/v1/incidents?limit=1"), 403);
    assertThat(board.get("/api/v1/tiles/municipalities/8/132/84.mvt").statusCode()).isEqualTo(200);

    ApiClient admin = client().withToken(token(claims("beheerder@oost-nederland.nl", "vk-beheer")));
    JsonNode trail = json(admin.get("/api/v1/admin/audit?user=a.jansen@politie.nl"));
    assertThat(trail).isNotEmpty();
    assertThat(trail.get(0).get("role").asString()).isEqualTo("ANALYST");

    assertThat(signedIn("analist").get("/api/v1/incidents?limit=1")
        .statusCode()).as("local accounts keep working beside the provider").isEqualTo(200);
  }

  @Test
  void aTokenThatDoesNotSayWhoAndWhatExactlyIsRefusedWithItsReason() {
    Map<String, Object> valid = claims("a.jansen@politie.nl", "vk-analist");
    assertRefused(token(claims("a.jansen@politie.nl", "medewerker")), "none of this service's roles");
    assertRefused(token(claims("a.jansen@politie.nl", "vk-analist", "vk-bbg")), "more than one role");
    assertRefused(token(claims("p.devries@zutphen.nl", "vk-gemeente")), "needs a 'municipality' claim");
    Map<String, Object> unknownMunicipality = claims("p.devries@zutphen.nl", "vk-gemeente");
    unknownMunicipality.put("municipality", "GM0363");
    assertRefused(token(unknownMunicipality), "not the code of a municipality in Oost-Nederland");
    Map<String, Object> nameless = new HashMap<>(valid);
    nameless.remove("preferred_username");
    assertRefused(token(nameless), "no 'preferred_username' claim");

    Map<String, Object> expired = new HashMap<>(valid);
    expired.put("iat", Date.from(Instant.now().minus(Duration.ofHours(2))));
    expired.put("exp", Date.from(Instant.now().minus(Duration.ofHours(1))));
    assertRefused(token(expired), "expired");
    Map<String, Object> otherAudience = new HashMap<>(valid);
    otherAudience.put("aud", List.of("another-service"));
    assertRefused(token(otherAudience), "aud");
    assertRefused(signed(valid, FORGER_KEY), "");
    assertRefused("not-a-token", "");
  }

  @Test
  void behindTlsTheSessionCookieIsSecureHttpOnlyAndSameSite() throws Exception {
    // The test talks plain HTTP to the proxy's side of the service, so it carries the Secure cookie itself.
    HttpClient browser = HttpClient.newHttpClient();
    String base = baseUrl();
    HttpResponse<String> csrf = browser.send(viaTlsProxy(base + "/csrf").GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(csrf.headers().firstValue("Strict-Transport-Security")).isPresent();
    String csrfCookie = csrf.headers().allValues("Set-Cookie").stream()
        .filter(cookie -> cookie.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow();
    assertThat(csrfCookie).contains("Secure");
    String form = "username=analist&password="
        + URLEncoder.encode(ApiClient.initialCredentials(dataDir).get("analist"), StandardCharsets.UTF_8)
        + "&_csrf=" + json(csrf).get("token").asString();
    HttpResponse<String> login = browser.send(viaTlsProxy(base + "/login")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Cookie", csrfCookie.substring(0, csrfCookie.indexOf(';')))
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("fout");
    assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
        assertThat(cookie).startsWith("JSESSIONID=").contains("Secure").contains("HttpOnly").contains("SameSite=Lax"));
  }

  /**
   * The viewer's session from start to end, as the browser does it: a link asks for the viewer, the
   * login lands on the viewer (no "?continue" from the request cache: the view travels in the URL
   * fragment), a sign-out with the raw cookie value is refused with the Dutch error page, the masked
   * token from /csrf signs out, and the API then answers 401.
   */
  @Test
  void theViewerSignsInAndOutAndTheApiThenAnswers401() throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String base = baseUrl();
    HttpResponse<String> viewer = browser.send(HttpRequest.newBuilder(URI.create(base + "/")).header("Accept", "text/html")
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(viewer.statusCode()).isEqualTo(302);
    assertThat(viewer.headers().firstValue("Location").orElseThrow()).endsWith("/login.html");
    HttpResponse<String> login = browser.send(form(base + "/login", "username=analist&password="
        + URLEncoder.encode(ApiClient.initialCredentials(dataDir).get("analist"), StandardCharsets.UTF_8)
        + "&_csrf=" + maskedToken(browser, base)), HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().firstValue("Location").orElseThrow()).isEqualTo(base + "/");
    assertThat(viewerConfig(browser, base)).isEqualTo(200);

    String rawCookie = ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue();
    HttpResponse<String> stale = browser.send(form(base + "/logout", "_csrf=" + rawCookie),
        HttpResponse.BodyHandlers.ofString());
    assertThat(stale.statusCode()).isEqualTo(403);
    assertThat(stale.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(stale.body()).contains("lang=\"nl\"", "Geen toegang", "log opnieuw in");
    assertThat(viewerConfig(browser, base)).as("still signed in").isEqualTo(200);

    HttpResponse<String> logout = browser.send(form(base + "/logout", "_csrf=" + maskedToken(browser, base)),
        HttpResponse.BodyHandlers.ofString());
    assertThat(logout.statusCode()).isEqualTo(302);
    assertThat(logout.headers().firstValue("Location").orElseThrow()).endsWith("/login.html?uitgelogd");
    assertThat(viewerConfig(browser, base)).isEqualTo(401);
  }

  private static String maskedToken(HttpClient browser, String base) throws Exception {
    return json(browser.send(HttpRequest.newBuilder(URI.create(base + "/csrf")).build(),
        HttpResponse.BodyHandlers.ofString())).get("token").asString();
  }

  private static HttpRequest form(String url, String body) {
    return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  private static int viewerConfig(HttpClient browser, String base) throws Exception {
    return browser.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/viewer-config"))
        .header("X-Requested-With", "XMLHttpRequest").build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private void assertRefused(String token, String reason) {
    HttpResponse<String> response = client().withToken(token).get("/api/v1/viewer-config");
    JsonNode body = problem(response, 401);
    assertThat(body.get("detail").asString()).contains(reason);
    assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer");
  }

  /** The claims a Keycloak realm would put in an access token. */
  private static Map<String, Object> claims(String username, String... roles) {
    Map<String, Object> claims = new HashMap<>();
    claims.put("sub", "id-" + username);
    claims.put("preferred_username", username);
    claims.put("realm_access", Map.of("roles", List.of(roles)));
    claims.put("aud", List.of("veiligheidskaart"));
    claims.put("iat", Date.from(Instant.now()));
    claims.put("exp", Date.from(Instant.now().plus(Duration.ofMinutes(5))));
    return claims;
  }

  private static String token(Map<String, Object> claims) {
    return signed(claims, PROVIDER_KEY);
  }

  private static String signed(Map<String, Object> claims, KeyPair key) {
    JWTClaimsSet.Builder set = new JWTClaimsSet.Builder();
    claims.forEach(set::claim);
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), set.build());
    try {
      jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  private static HttpRequest.Builder viaTlsProxy(String url) {
    return HttpRequest.newBuilder(URI.create(url)).header("X-Forwarded-Proto", "https");
  }

  private static KeyPair rsaKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
