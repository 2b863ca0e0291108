package nl.veiligheidskaart.service.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import nl.veiligheidskaart.service.api.ProblemJson;
import nl.veiligheidskaart.service.security.Role;
import nl.veiligheidskaart.service.security.SignedInUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Writes one audit row for every data access under /api and /ogc: who, in which role, which
 * endpoint with which parameters, the area and period asked for, the outcome, how much was handed
 * out, and when. Runs inside the security filter chain's scope (after it authenticated the
 * request), so the signed-in user is known. The answer is held back until its row is stored;
 * when the row cannot be stored the client gets a 503 instead: no access goes unaudited.
 */
@Component
@Order(1)
class AuditLogFilter extends OncePerRequestFilter {

  /** The columns' sizes: longer values are cut, so that no hostile URL can make the audit write fail. */
  private static final int MAX_USERNAME_LENGTH = 256;
  private static final int MAX_ENDPOINT_LENGTH = 512;
  private static final int MAX_PARAMETERS_LENGTH = 2048;
  private static final int MAX_AREA_LENGTH = 256;
  private static final int MAX_PERIOD_LENGTH = 64;
  /** Answers up to this size wait in memory for their audit entry; larger ones are audited before they start. */
  private static final int MAX_HELD_BYTES = 16 * 1024 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(AuditLogFilter.class);

  private final AuditTrail trail;
  private final Clock clock;

  AuditLogFilter(AuditTrail trail, Clock clock) {
    this.trail = trail;
    this.clock = clock;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = path(request);
    return !(path.startsWith("/api/") || path.startsWith("/ogc"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication user = SecurityContextHolder.getContext().getAuthentication();
    if (user == null || !user.isAuthenticated()) {
      chain.doFilter(request, response);
      return;
    }
    HeldResponse answer = new HeldResponse(response, MAX_HELD_BYTES, held -> trail.store(entry(request, held, user)));
    try {
      chain.doFilter(request, answer);
    } finally {
      try {
        answer.finish();
      } catch (IllegalStateException notStored) {
        if (!answer.replaceWithError()) {
          throw notStored;
        }
        LOG.warn("Withheld an answer to {} {}: {}", user.getName(), request.getRequestURI(), notStored.getMessage());
        response.setHeader(HttpHeaders.RETRY_AFTER, "10");
        ProblemJson.write(response, HttpStatus.SERVICE_UNAVAILABLE,
            "The access could not be recorded in the audit trail, so the answer is withheld. Try again in a little while.");
      }
    }
  }

  private AuditEntryEntity entry(HttpServletRequest request, HeldResponse answer, Authentication user) {
    String path = path(request);
    Map<String, String[]> query = AccessScope.query(request.getQueryString());
    String area = AuditFacts.area(request) != null ? AuditFacts.area(request) : AccessScope.area(path, query);
    String period = AuditFacts.period(request) != null ? AuditFacts.period(request) : AccessScope.period(query);
    return new AuditEntryEntity(clock.instant(), cut(user.getName(), MAX_USERNAME_LENGTH),
        SignedInUser.role(user).map(Role::name).orElse(null), request.getMethod(),
        cut(request.getRequestURI(), MAX_ENDPOINT_LENGTH), parameters(request), cut(area, MAX_AREA_LENGTH),
        cut(period, MAX_PERIOD_LENGTH), answer.getStatus(), AuditFacts.rows(request), size(answer));
  }

  /** The whole body's size: counted, or for a body released early its Content-Length when it has one. */
  private static long size(HeldResponse answer) {
    String length = answer.getHeader(HttpHeaders.CONTENT_LENGTH);
    return length != null ? Long.parseLong(length) : answer.bytesWritten();
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  /** The query string, decoded; never a request body (it may hold passwords). */
  private static String parameters(HttpServletRequest request) {
    String query = request.getQueryString();
    if (query == null) {
      return null;
    }
    return cut(AccessScope.decode(query), MAX_PARAMETERS_LENGTH);
  }

  private static String cut(String value, int length) {
    return value != null && value.length() > length ? value.substring(0, length) : value;
  }
}
