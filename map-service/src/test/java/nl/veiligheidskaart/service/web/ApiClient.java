package nl.veiligheidskaart.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for tests of the running service, signing in with HTTP Basic or a bearer
 * token; {@code authorization} is the whole Authorization header, null for none.
 */
public record ApiClient(String baseUrl, String authorization) {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  public static final JsonMapper JSON = JsonMapper.builder().build();

  /** The accounts the service created on its first start, as written to initial-credentials.txt. */
  public static Map<String, String> initialCredentials(Path dataDir) {
    try {
      return Files.readAllLines(dataDir.resolve("initial-credentials.txt")).stream()
          .map(line -> line.split(":", 2))
          .collect(Collectors.toMap(parts -> parts[0], parts -> parts[1]));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ApiClient signedIn(String baseUrl, Path dataDir, String username) {
    return basic(baseUrl, username, initialCredentials(dataDir).get(username));
  }

  public static ApiClient basic(String baseUrl, String username, String password) {
    return new ApiClient(baseUrl, "Basic "
        + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  /** The password of the accounts tests create with {@link #account}. */
  public static final String TEST_PASSWORD = "lang-genoeg-wachtwoord";

  /**
   * As an ADMIN client: the account (role, and municipality for MUNICIPALITY, else null), created
   * through the admin API unless it is there already, and a client signed in as it.
   */
  public ApiClient account(String username, String role, String municipality) {
    Map<String, String> account = new HashMap<>(Map.of("username", username, "password", TEST_PASSWORD,
        "role", role));
    if (municipality != null) {
      account.put("municipality", municipality);
    }
    int status = postJson("/api/v1/admin/users", account).statusCode();
    assertThat(status).as("creating " + username).isIn(201, 409);
    return as(username, TEST_PASSWORD);
  }

  public ApiClient as(String otherUser, String otherPassword) {
    return basic(baseUrl, otherUser, otherPassword);
  }

  public ApiClient withToken(String bearerToken) {
    return new ApiClient(baseUrl, "Bearer " + bearerToken);
  }

  public ApiClient anonymous() {
    return new ApiClient(baseUrl, null);
  }

  public HttpResponse<String> get(String path) {
    return send(request(path).GET().build());
  }

  /** A GET of binary content: tiles, images, PDFs. */
  public HttpResponse<byte[]> getBytes(String path) {
    return getBytesAccepting(path, "*/*");
  }

  /** A GET of binary content in one media type, for resources that are also JSON (a profile as PDF). */
  public HttpResponse<byte[]> getBytesAccepting(String path, String mediaType) {
    try {
      return HTTP.send(request(path).header("Accept", mediaType).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A POST of JSON answered with binary content (images, PDFs). */
  public HttpResponse<byte[]> postForBytes(String path, Object body) {
    try {
      return HTTP.send(request(path).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A GET asking for one media type, as content-negotiating clients (GDAL, the OGC test suite) send it. */
  public HttpResponse<String> getAccepting(String path, String mediaType) {
    return send(request(path).header("Accept", mediaType).GET().build());
  }

  /** A GET as a browser sends it when it navigates to a page. */
  public HttpResponse<String> getPage(String path) {
    return send(request(path).header("Accept", "text/html,application/xhtml+xml").GET().build());
  }

  /** Asserts the response is RFC 9457 problem+json with the given status, and returns its body. */
  public static JsonNode problem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    JsonNode body = json(response);
    assertThat(body.get("status").asInt()).isEqualTo(status);
    return body;
  }

  public HttpResponse<String> postJson(String path, Object body) {
    return send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
  }

  /** A POST as a browser sends it from a page of another site ({@code Sec-Fetch-Site}: cross-site, same-site). */
  public HttpResponse<String> postJsonFrom(String path, Object body, String site) {
    return send(request(path).header("Content-Type", "application/json").header("Sec-Fetch-Site", site)
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
  }

  public HttpResponse<String> patchJson(String path, Object body) {
    return send(request(path).header("Content-Type", "application/json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
  }

  public HttpResponse<String> putJson(String path, Object body) {
    return send(request(path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
  }

  public HttpResponse<String> delete(String path) {
    return send(request(path).DELETE().build());
  }

  /** A multipart/form-data upload of one file in the field {@code file}, as a browser or curl -F sends it. */
  public HttpResponse<String> upload(String path, Path file) {
    try {
      return upload(path, file.getFileName().toString(), Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An upload of {@code content} under the given file name. */
  public HttpResponse<String> upload(String path, String fileName, byte[] content) {
    String boundary = "----veiligheidskaart" + System.nanoTime();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
        + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + content.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(content, 0, body, head.length, content.length);
    System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
    // Like curl, ask before sending the body: a refused upload is then answered before it is sent.
    return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary).expectContinue(true)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }

  /** A POST of a raw body with the given content type, as a broken or hostile client sends it. */
  public HttpResponse<String> postRaw(String path, String contentType, byte[] body) {
    return send(request(path).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }

  public static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return builder;
  }

  private static HttpResponse<String> send(HttpRequest request) {
    return send(HTTP, request);
  }

  /** Sends a request with a client of the caller's (cookies, headers of its own), the body as text. */
  static HttpResponse<String> send(HttpClient client, HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
