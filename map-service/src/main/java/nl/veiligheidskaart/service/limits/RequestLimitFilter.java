package nl.veiligheidskaart.service.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.veiligheidskaart.service.api.ProblemJson;
import nl.veiligheidskaart.service.config.VeiligheidskaartProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps one user from taking the service from the others. A JSON body or an upload over its
 * limit answers 413 before anything reads it; a heavy request (analysis, snapshot, briefing pack, import) beyond the
 * user's pace or beyond the heavy requests already running for that user answers 429 with
 * Retry-After. Runs after sign-in, so the user is known, and inside the audit filter, so refused
 * requests are audited too. Tiles and reads are not limited: a map view fetches dozens at once.
 */
@Component
@Order(RequestLimitFilter.ORDER)
class RequestLimitFilter extends OncePerRequestFilter {

  /** After the security filter chain, and so within the audit filter that runs inside it. */
  static final int ORDER = 2;

  private final VeiligheidskaartProperties.Limits limits;
  private final DataSize maxUpload;
  private final Cache<String, TokenBucket> paceByUser =
      Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10)).build();
  private final Map<String, Integer> runningByUser = new ConcurrentHashMap<>();

  RequestLimitFilter(VeiligheidskaartProperties properties,
      @Value("${spring.servlet.multipart.max-request-size}") DataSize maxUpload) {
    this.limits = properties.limits();
    this.maxUpload = maxUpload;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !path(request).startsWith("/api/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpServletRequest checked = request;
    if (isUpload(request) && request.getContentLengthLong() > maxUpload.toBytes()) {
      // Refused before the body is read: a client that asked "Expect: 100-continue" never sends it.
      ProblemJson.write(response, HttpStatus.CONTENT_TOO_LARGE,
          "The upload is larger than " + maxUpload.toMegabytes() + " MB (spring.servlet.multipart.max-request-size).");
      return;
    }
    if (hasJsonBody(request)) {
      int maxBytes = limits.jsonBodyKilobytes() * 1024;
      byte[] body = readAtMost(request, maxBytes + 1);
      if (body.length > maxBytes) {
        ProblemJson.write(response, HttpStatus.CONTENT_TOO_LARGE,
            "The request body is larger than " + limits.jsonBodyKilobytes() + " kB.");
        return;
      }
      checked = new BufferedBodyRequest(request, body);
    }
    Authentication user = SecurityContextHolder.getContext().getAuthentication();
    if (!isHeavy(request) || user == null || !user.isAuthenticated()) {
      chain.doFilter(checked, response);
      return;
    }
    String username = user.getName();
    if (runningByUser.merge(username, 1, Integer::sum) > limits.heavyRequestsAtOnce()) {
      finished(username);
      response.setHeader(HttpHeaders.RETRY_AFTER, "1");
      ProblemJson.write(response, HttpStatus.TOO_MANY_REQUESTS, "You already have " + limits.heavyRequestsAtOnce()
          + " analyses, snapshots, briefings or imports running; try again when one is done.");
      return;
    }
    try {
      Duration wait = paceByUser.get(username,
          name -> new TokenBucket(limits.heavyRequestsPerMinute(), Duration.ofMinutes(1), System.nanoTime()))
          .take(System.nanoTime());
      if (!wait.isZero()) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        ProblemJson.write(response, HttpStatus.TOO_MANY_REQUESTS, "You made " + limits.heavyRequestsPerMinute()
            + " analyses, snapshots, briefings or imports within a minute; try again in " + seconds + " s.");
        return;
      }
      chain.doFilter(checked, response);
    } finally {
      finished(username);
    }
  }

  private void finished(String username) {
    runningByUser.computeIfPresent(username, (name, running) -> running > 1 ? running - 1 : null);
  }

  /** Analyses, snapshots, briefing packs and imports: each may take a processor for seconds. */
  private static boolean isHeavy(HttpServletRequest request) {
    String path = path(request);
    return path.startsWith("/api/v1/analysis/") || path.equals("/api/v1/snapshots")
        || path.startsWith("/api/v1/briefings/") || path.startsWith("/api/v1/import/");
  }

  private static boolean isUpload(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
  }

  /** Any body but an upload (bounded by the multipart limits) or a form. */
  private static boolean hasJsonBody(HttpServletRequest request) {
    String type = request.getContentType();
    boolean mayHaveBody = request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    return mayHaveBody && !isUpload(request)
        && (type == null || !type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE));
  }

  private static byte[] readAtMost(HttpServletRequest request, int bytes) throws IOException {
    try (InputStream body = request.getInputStream()) {
      return body.readNBytes(bytes);
    }
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }
}
