package nl.veiligheidskaart.service.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import nl.veiligheidskaart.service.api.ProblemJson;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import nl.veiligheidskaart.service.store.DatabaseFailures;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers API requests without (valid) credentials with 401 and those without the right role with
 * 403, both as problem+json. The Basic challenge is left out for the viewer's own calls (marked
 * with X-Requested-With), so an expired session does not pop up the browser's password dialog.
 * A refused bearer token gets the RFC 6750 challenge and its reason, so that an integrator can
 * see which claim is wrong. A sign-in refused for too many failures is 429 with Retry-After, and
 * one that could not be checked because the database is down 503, as every other request then.
 */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

  static final String REALM = "Veiligheidskaart";

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    if (e instanceof SignInThrottledException throttled) {
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
      ProblemJson.write(response, HttpStatus.TOO_MANY_REQUESTS, throttled.getMessage());
      return;
    }
    if (e instanceof InternalAuthenticationServiceException && DatabaseFailures.unreachable(e)) {
      response.setHeader(HttpHeaders.RETRY_AFTER, "10");
      ProblemJson.write(response, HttpStatus.SERVICE_UNAVAILABLE,
          "The database cannot be reached just now, so your account cannot be checked. Try again in a little while.");
      return;
    }
    if (e instanceof OAuth2AuthenticationException refused) {
      String reason = refused.getError().getDescription() == null ? e.getMessage() : refused.getError().getDescription();
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + REALM + "\", error=\""
          + refused.getError().getErrorCode() + "\", error_description=\"" + headerSafe(reason) + "\"");
      ProblemJson.write(response, HttpStatus.UNAUTHORIZED, reason);
      return;
    }
    if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
    }
    ProblemJson.write(response, HttpStatus.UNAUTHORIZED, "Sign in first: this resource needs an account.");
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    ProblemJson.write(response, HttpStatus.FORBIDDEN, "Your role does not give access to this resource.");
  }

  /** A header value may not hold quotes or line breaks. */
  private static String headerSafe(String text) {
    return text.replaceAll("[\"\\\\\\r\\n]", "'");
  }
}
