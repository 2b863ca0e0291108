package nl.veiligheidskaart.service.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import nl.veiligheidskaart.service.security.Role;
import nl.veiligheidskaart.service.security.SignedInUser;
import org.apache.catalina.connector.ResponseFacade;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Writes one audit row for every data access under /api and /ogc: who, in which role, which
 * endpoint with which parameters, the area and period asked for, the outcome, how much was handed
 * out, and when. Runs inside the security filter chain's scope (after it authenticated the
 * request), so the signed-in user is known.
 */
@Component
class AuditLogFilter extends OncePerRequestFilter {

  /** The columns' sizes: longer values are cut, so that no hostile URL can make the audit write fail. */
  private static final int MAX_USERNAME_LENGTH = 256;
  private static final int MAX_ENDPOINT_LENGTH = 512;
  private static final int MAX_PARAMETERS_LENGTH = 2048;
  private static final int MAX_AREA_LENGTH = 256;
  private static final int MAX_PERIOD_LENGTH = 64;

  private final AuditTrail trail;
  private final Clock clock;

  AuditLogFilter(AuditTrail trail, Clock clock) {
    this.trail = trail;
    this.clock = clock;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !(path.startsWith("/api/") || path.startsWith("/ogc"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } finally {
      Authentication user = SecurityContextHolder.getContext().getAuthentication();
      if (user != null && user.isAuthenticated()) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Map<String, String[]> query = request.getParameterMap();
        String area = AuditFacts.area(request) != null ? AuditFacts.area(request) : AccessScope.area(path, query);
        String period = AuditFacts.period(request) != null ? AuditFacts.period(request) : AccessScope.period(query);
        trail.store(new AuditEntryEntity(clock.instant(), cut(user.getName(), MAX_USERNAME_LENGTH),
            SignedInUser.role(user).map(Role::name).orElse(null), request.getMethod(),
            cut(request.getRequestURI(), MAX_ENDPOINT_LENGTH), parameters(request), cut(area, MAX_AREA_LENGTH),
            cut(period, MAX_PERIOD_LENGTH), response.getStatus(), AuditFacts.rows(request), bytesWritten(response)));
      }
    }
  }

  /** The query string, decoded; never a request body (it may hold passwords). */
  private static String parameters(HttpServletRequest request) {
    String query = request.getQueryString();
    if (query == null) {
      return null;
    }
    return cut(URLDecoder.decode(query, StandardCharsets.UTF_8), MAX_PARAMETERS_LENGTH);
  }

  private static String cut(String value, int length) {
    return value != null && value.length() > length ? value.substring(0, length) : value;
  }

  /** The body's size as the servlet container counted it, whatever wrote it; else its Content-Length. */
  private static long bytesWritten(ServletResponse response) {
    ServletResponse unwrapped = response;
    while (unwrapped instanceof ServletResponseWrapper wrapper) {
      unwrapped = wrapper.getResponse();
    }
    if (unwrapped instanceof ResponseFacade container) {
      return container.getContentWritten();
    }
    String length = response instanceof HttpServletResponse http ? http.getHeader("Content-Length") : null;
    return length == null ? 0 : Long.parseLong(length);
  }
}
