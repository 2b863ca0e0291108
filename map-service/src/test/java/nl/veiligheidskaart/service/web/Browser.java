package nl.veiligheidskaart.service.web;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * The viewer as a browser runs it: signs in with the login form (and its CSRF token), keeps the
 * session and CSRF cookies, and sends the token in {@code X-XSRF-TOKEN} with state-changing calls.
 */
final class Browser {

  private final String baseUrl;
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient http;

  Browser(String baseUrl) {
    this.baseUrl = baseUrl;
    this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
  }

  /** Posts the login form; the answer is a redirect, to the viewer or back to the form with {@code ?fout}. */
  HttpResponse<String> signIn(String username, String password) {
    String token = formToken();
    String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    return send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build());
  }

  /** Posts the sign-out form, with the form's token from /csrf as the login page uses it. */
  HttpResponse<String> signOut() {
    String form = "_csrf=" + URLEncoder.encode(formToken(), StandardCharsets.UTF_8);
    return send(request("/logout").header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build());
  }

  private String formToken() {
    return ApiClient.json(send(request("/csrf").GET().build())).get("token").asString();
  }

  /** A call of the viewer's own scripts (no Basic challenge on 401). */
  HttpResponse<String> get(String path) {
    return send(request(path).header("X-Requested-With", "XMLHttpRequest").GET().build());
  }

  HttpResponse<String> putJson(String path, Object body, boolean withCsrfToken) {
    HttpRequest.Builder put = request(path).header("Content-Type", "application/json")
        .header("X-Requested-With", "XMLHttpRequest")
        .PUT(HttpRequest.BodyPublishers.ofString(ApiClient.JSON.writeValueAsString(body)));
    if (withCsrfToken) {
      put.header("X-XSRF-TOKEN", csrfFromCookie());
    }
    return send(put.build());
  }

  /** A call with the session cookie and also an Authorization header of its own, without a CSRF token. */
  HttpResponse<String> postJsonWithAuthorization(String path, Object body, String authorization) {
    return send(request(path).header("Content-Type", "application/json").header("Authorization", authorization)
        .POST(HttpRequest.BodyPublishers.ofString(ApiClient.JSON.writeValueAsString(body))).build());
  }

  boolean hasSession() {
    return cookies.getCookieStore().getCookies().stream().anyMatch(cookie -> cookie.getName().equals("JSESSIONID"));
  }

  /** The token as the viewer reads it: from the XSRF-TOKEN cookie, which reading /csrf (re)sets. */
  private String csrfFromCookie() {
    send(request("/csrf").GET().build());
    return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).filter(value -> !value.isEmpty()).findFirst().orElseThrow();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path));
  }

  private HttpResponse<String> send(HttpRequest request) {
    return ApiClient.send(http, request);
  }
}
