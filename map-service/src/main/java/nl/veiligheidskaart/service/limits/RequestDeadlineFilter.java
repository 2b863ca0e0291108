package nl.veiligheidskaart.service.limits;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives each analysis, snapshot and briefing pack a server-side deadline
 * ({@code veiligheidskaart.limits.request-deadline}, 60 s) and a way to tell that its client hung
 * up, which its work checks between steps.
 * Imports have none: a million rows legitimately take minutes, and they are bounded per row.
 */
@Component
@Order(RequestLimitFilter.ORDER + 1)
class RequestDeadlineFilter extends OncePerRequestFilter {

  private final Duration budget;

  RequestDeadlineFilter(@Value("${veiligheidskaart.limits.request-deadline:60s}") Duration budget) {
    this.budget = budget;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !(path.startsWith("/api/v1/analysis/") || path.equals("/api/v1/snapshots")
        || path.startsWith("/api/v1/briefings/"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    RequestDeadline.begin(budget, ClientConnection.gone(request));
    try {
      chain.doFilter(request, response);
    } finally {
      RequestDeadline.end();
    }
  }
}
