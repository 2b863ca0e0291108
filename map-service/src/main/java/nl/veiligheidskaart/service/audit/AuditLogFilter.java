package nl.veiligheidskaart.service.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import nl.veiligheidskaart.service.api.ProblemJson;
import nl.veiligheidskaart.service.identity.Role;
import nl.veiligheidskaart.service.identity.SignedInUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Writes one audit row for every request under /api and /ogc, every sign-in with the login form
 * and every sign-out: who (or who it tried to be), in which role, which endpoint with which
 * parameters, the area and period asked for, the outcome, how much was handed out, and when; its
 * event says whether it was an access, a refusal, a (failed) sign-in, a sign-out or an account
 * change. It runs inside the security filter chain, right after the security context is set up
 * and before any authentication or access decision, so refusals by the URL rules are rows too and
 * the signed-in user is still known when the chain returns. The answer is held back until its row
 * is stored; when the row cannot be stored the client gets a 503 instead: no access goes unaudited.
 * A burst of near-identical queries adds an alert row ({@link QueryBurstWatch}).
 */
@Component
public class AuditLogFilter extends OncePerRequestFilter {

  /** The columns' sizes: longer values are cut, so that no hostile URL can make the audit write fail. */
  private static final int MAX_USERNAME_LENGTH = 256;
  private static final int MAX_ENDPOINT_LENGTH = 512;
  private static final int MAX_PARAMETERS_LENGTH = 2048;
  private static final int MAX_AREA_LENGTH = 256;
  private static final int MAX_PERIOD_LENGTH = 64;
  private static final int MAX_DETAIL_LENGTH = 512;
  /** Answers up to this size wait in memory for their audit entry; larger ones are audited before they start. */
  private static final int MAX_HELD_BYTES = 16 * 1024 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(AuditLogFilter.class);

  private final AuditTrail trail;
  private final QueryBurstWatch bursts;
  private final Clock clock;

  AuditLogFilter(AuditTrail trail, QueryBurstWatch bursts, Clock clock) {
    this.trail = trail;
    this.bursts = bursts;
    this.clock = clock;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = path(request);
    return !(path.startsWith("/api/") || path.startsWith("/ogc") || SignInAttempt.isLogin(request)
        || SignInAttempt.isLogout(request));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // Signing out forgets the user: learn who it is first.
    Authentication signingOut = SignInAttempt.isLogout(request) ? signedIn() : null;
    HeldResponse answer = new HeldResponse(response, MAX_HELD_BYTES, held -> store(request, held, signingOut));
    try {
      chain.doFilter(request, answer);
    } finally {
      try {
        answer.finish();
      } catch (IllegalStateException notStored) {
        if (!answer.replaceWithError()) {
          throw notStored;
        }
        LOG.warn("Withheld an answer to {} {}: {}", SignInAttempt.username(request), request.getRequestURI(),
            notStored.getMessage());
        response.setHeader(HttpHeaders.RETRY_AFTER, "10");
        ProblemJson.write(response, HttpStatus.SERVICE_UNAVAILABLE,
            "The access could not be recorded in the audit trail, so the answer is withheld. Try again in a little while.");
      }
    }
  }

  private void store(HttpServletRequest request, HeldResponse answer, Authentication signingOut) {
    Authentication user = signingOut != null ? signingOut : signedIn();
    int status = answer.getStatus();
    AuditEvent event = event(request, status, user != null, signingOut != null);
    String path = path(request);
    Map<String, String[]> query = AccessScope.query(request.getQueryString());
    String area = AuditFacts.area(request) != null ? AuditFacts.area(request) : AccessScope.area(path, query);
    String period = AuditFacts.period(request) != null ? AuditFacts.period(request) : AccessScope.period(query);
    String role = user == null ? null : SignedInUser.role(user).map(Role::name).orElse(null);
    String username = user != null ? user.getName() : SignInAttempt.username(request);
    String detail = event == AuditEvent.ACCOUNT_CHANGE ? AuditFacts.accountChange(request)
        : SignInAttempt.sessionEndedBecause(request);
    Instant now = clock.instant();
    trail.store(new AuditEntryEntity(event, now, cut(username, MAX_USERNAME_LENGTH), role, request.getMethod(),
        cut(request.getRequestURI(), MAX_ENDPOINT_LENGTH), parameters(request), cut(area, MAX_AREA_LENGTH),
        cut(period, MAX_PERIOD_LENGTH), status, AuditFacts.rows(request), size(answer),
        cut(detail, MAX_DETAIL_LENGTH)));
    if (event == AuditEvent.ACCESS && status < 300 && role != null && QueryBurstWatch.watches(Role.valueOf(role))) {
      bursts.observe(user.getName(), request.getMethod(), path, query, AuditFacts.area(request),
          AuditFacts.period(request), now).ifPresent(alert ->
          trail.store(new AuditEntryEntity(AuditEvent.ALERT, now, cut(username, MAX_USERNAME_LENGTH), role,
              request.getMethod(), cut(request.getRequestURI(), MAX_ENDPOINT_LENGTH), parameters(request),
              cut(area, MAX_AREA_LENGTH), cut(period, MAX_PERIOD_LENGTH), status, null, 0,
              cut(alert, MAX_DETAIL_LENGTH))));
    }
  }

  /** What the row records, from where the request went, how it ended and whether someone is signed in. */
  static AuditEvent event(HttpServletRequest request, int status, boolean signedIn, boolean signingOut) {
    if (signingOut || SignInAttempt.isLogout(request)) {
      return AuditEvent.SIGN_OUT;
    }
    if (SignInAttempt.isLogin(request) && status != HttpStatus.FORBIDDEN.value()) {
      return signedIn ? AuditEvent.SIGN_IN : AuditEvent.SIGN_IN_FAILED;
    }
    boolean throttledSignIn = status == HttpStatus.TOO_MANY_REQUESTS.value() && !signedIn;
    if (status == HttpStatus.UNAUTHORIZED.value() || throttledSignIn) {
      return SignInAttempt.offersCredentials(request) ? AuditEvent.SIGN_IN_FAILED : AuditEvent.REFUSED;
    }
    if (status == HttpStatus.FORBIDDEN.value() || status == HttpStatus.TOO_MANY_REQUESTS.value()) {
      return AuditEvent.REFUSED;
    }
    if (AuditFacts.accountChange(request) != null && status < 300) {
      return AuditEvent.ACCOUNT_CHANGE;
    }
    return AuditEvent.ACCESS;
  }

  /** The signed-in user, or null for nobody (anonymous included). */
  private static Authentication signedIn() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication == null || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken ? null : authentication;
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
