package nl.veiligheidskaart.service.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import nl.veiligheidskaart.service.api.ProblemJson;
import nl.veiligheidskaart.service.store.DatabaseFailures;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The viewer's sessions are kept in the database so that every replica knows them: while the
 * database cannot be reached, a request with a session cannot be signed in. It gets the same 503
 * problem+json with {@code Retry-After} as every other request that needs the database, rather
 * than the container's error page. Outside the session filter, which reads and saves the session.
 */
@Component
@ConditionalOnWebApplication
@Order(SessionRepositoryFilter.DEFAULT_ORDER - 1)
class SessionStoreOutage extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | IOException | RuntimeException failed) {
      if (!DatabaseFailures.unreachable(failed) || response.isCommitted()) {
        throw failed;
      }
      response.reset();
      response.setHeader(HttpHeaders.RETRY_AFTER, "10");
      ProblemJson.write(response, HttpStatus.SERVICE_UNAVAILABLE,
          "The database cannot be reached just now, so your session cannot be read. Try again in a little while.");
    }
  }
}
