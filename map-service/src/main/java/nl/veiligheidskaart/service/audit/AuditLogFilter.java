package nl.veiligheidskaart.service.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import nl.veiligheidskaart.service.security.Role;
import nl.veiligheidskaart.service.security.SignedInUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Writes one audit row for every data access under /api and /ogc: who, in which role, which
 * endpoint with which parameters, the outcome and when. Runs inside the security filter chain's
 * scope (after it authenticated the request), so the signed-in user is known.
 */
@Component
class AuditLogFilter extends OncePerRequestFilter {

  /** The columns' sizes: longer values are cut, so that no hostile URL can make the audit write fail. */
  private static final int MAX_ENDPOINT_LENGTH = 512;
  private static final int MAX_PARAMETERS_LENGTH = 2048;

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
        trail.store(new AuditEntryEntity(clock.instant(), user.getName(),
            SignedInUser.role(user).map(Role::name).orElse(null), request.getMethod(),
            cut(request.getRequestURI(), MAX_ENDPOINT_LENGTH),
            parameters(request), response.getStatus()));
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
    return value.length() > length ? value.substring(0, length) : value;
  }
}
