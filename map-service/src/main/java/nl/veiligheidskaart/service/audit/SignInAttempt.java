package nl.veiligheidskaart.service.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.http.HttpHeaders;

/**
 * Who a request tried to be, for the audit rows of refused requests and failed sign-ins: the
 * name in its Basic header or login form, or the account whose session was just ended.
 */
public final class SignInAttempt {

  /** The viewer's login form posts here; signing out too. */
  public static final String LOGIN = "/login";
  public static final String LOGOUT = "/logout";
  /** The name of a request that gave none; no account can have it (user names have no brackets). */
  public static final String NO_NAME = "(none)";

  private static final String ENDED_SESSION = SignInAttempt.class.getName() + ".endedSession";
  private static final String ENDED_BECAUSE = SignInAttempt.class.getName() + ".endedBecause";

  private SignInAttempt() {
  }

  /** The request came with a session whose account changed since it signed in; the session is ended. */
  public static void sessionEnded(HttpServletRequest request, String username, String reason) {
    request.setAttribute(ENDED_SESSION, username);
    request.setAttribute(ENDED_BECAUSE, reason);
  }

  /** Why the request's session was ended, or null when it was not. */
  public static String sessionEndedBecause(HttpServletRequest request) {
    return (String) request.getAttribute(ENDED_BECAUSE);
  }

  /** The user name the request tried to sign in as, whether or not it exists: never a password. */
  public static String username(HttpServletRequest request) {
    if (request.getAttribute(ENDED_SESSION) instanceof String ended) {
      return ended;
    }
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return basicUsername(authorization.substring(6).strip());
    }
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return "(bearer token)";
    }
    if (isLogin(request)) {
      String username = request.getParameter("username");
      return username == null || username.isBlank() ? NO_NAME : username.strip();
    }
    return NO_NAME;
  }

  /** Whether the request itself offers credentials (an Authorization header or the login form). */
  public static boolean offersCredentials(HttpServletRequest request) {
    return request.getHeader(HttpHeaders.AUTHORIZATION) != null || isLogin(request);
  }

  public static boolean isLogin(HttpServletRequest request) {
    return "POST".equals(request.getMethod()) && LOGIN.equals(path(request));
  }

  public static boolean isLogout(HttpServletRequest request) {
    return "POST".equals(request.getMethod()) && LOGOUT.equals(path(request));
  }

  private static String basicUsername(String encoded) {
    try {
      String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      String username = (colon < 0 ? decoded : decoded.substring(0, colon)).strip();
      return username.isEmpty() ? NO_NAME : username;
    } catch (IllegalArgumentException notBase64) {
      return "(unreadable Basic header)";
    }
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }
}
