package nl.veiligheidskaart.service.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import nl.veiligheidskaart.service.web.ApiClient;

/**
 * The viewer's session as a browser holds it: signed in with the login form (the CSRF token from
 * {@code /csrf}), its cookies kept between requests, signed out with the sign-out form.
 */
final class ViewerSession {

  private final String baseUrl;
  private final HttpClient browser = HttpClient.newBuilder()
      .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();

  private ViewerSession(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  static ViewerSession signIn(String baseUrl, String username, String password) {
    ViewerSession session = new ViewerSession(baseUrl);
    HttpResponse<String> signedIn = session.postForm("/login", Map.of("username", username, "password", password));
    assertThat(signedIn.statusCode()).as("sign-in").isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location")).as("signed in").hasValue(baseUrl + "/");
    return session;
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build());
  }

  HttpResponse<String> signOut() {
    return postForm("/logout", Map.of());
  }

  /** A form posted as a browser posts it, with the form's CSRF token. */
  private HttpResponse<String> postForm(String path, Map<String, String> fields) {
    String token = ApiClient.json(get("/csrf")).get("token").asString();
    String body = fields.entrySet().stream()
        .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&", "", (fields.isEmpty() ? "" : "&") + "_csrf="
            + URLEncoder.encode(token, StandardCharsets.UTF_8)));
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return browser.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
