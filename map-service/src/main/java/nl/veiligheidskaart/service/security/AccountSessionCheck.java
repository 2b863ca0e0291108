package nl.veiligheidskaart.service.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import nl.veiligheidskaart.service.api.ProblemJson;
import nl.veiligheidskaart.service.audit.SignInAttempt;
import nl.veiligheidskaart.service.store.DatabaseFailures;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks the account behind a session (the viewer's form login) on every request, as it now stands
 * in the store: a session of an account that was deleted or disabled, or whose password, role or
 * municipality changed since it signed in, is ended there and then, and the request goes on
 * without a user (401, or the login page). Read afresh, so a change made by any replica counts.
 * Not a bean of its own: Spring Boot would also run it outside the security filter chain.
 */
final class AccountSessionCheck extends OncePerRequestFilter {

  private final AccountUserDetailsService accounts;

  AccountSessionCheck(AccountUserDetailsService accounts) {
    this.accounts = accounts;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    Authentication user = session == null ? null : SecurityContextHolder.getContext().getAuthentication();
    if (user != null && user.getPrincipal() instanceof SignedInAccount signedIn) {
      String changed;
      try {
        changed = changedSince(signedIn);
      } catch (RuntimeException storeFailed) {
        if (!DatabaseFailures.unreachable(storeFailed)) {
          throw storeFailed;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, "10");
        ProblemJson.write(response, HttpStatus.SERVICE_UNAVAILABLE,
            "The database cannot be reached just now, so your account cannot be checked. Try again in a little while.");
        return;
      }
      if (changed != null) {
        session.invalidate();
        SecurityContextHolder.getContextHolderStrategy().clearContext();
        SignInAttempt.sessionEnded(request, signedIn.getUsername(), "session ended: " + changed);
      }
    }
    chain.doFilter(request, response);
  }

  private String changedSince(SignedInAccount signedIn) {
    try {
      return signedIn.changedSince(accounts.loadUserByUsername(signedIn.getUsername()));
    } catch (UsernameNotFoundException deleted) {
      return "the account was deleted";
    }
  }
}
