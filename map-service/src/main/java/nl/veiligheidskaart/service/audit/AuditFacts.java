package nl.veiligheidskaart.service.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * What an endpoint knows of a request that its request line does not show: the area and period
 * of a request body, how many records it handed out, and which account it changed and how.
 * Controllers state it on the current request; the audit filter writes it with the request's row.
 */
public final class AuditFacts {

  private static final String AREA = AuditFacts.class.getName() + ".area";
  private static final String PERIOD = AuditFacts.class.getName() + ".period";
  private static final String ROWS = AuditFacts.class.getName() + ".rows";
  private static final String ACCOUNT_CHANGE = AuditFacts.class.getName() + ".accountChange";

  private AuditFacts() {
  }

  public static void area(String area) {
    set(AREA, area);
  }

  /** The period between two dates or date-times as given, either end open (null). */
  public static void period(String from, String to) {
    set(PERIOD, AccessScope.interval(from, to));
  }

  public static void rows(long rows) {
    set(ROWS, rows);
  }

  /**
   * The request changed an account: which one and what, e.g. {@code account 'gm-zutphen' created:
   * role MUNICIPALITY, municipality GM0301}. Never a password. Its row is then an account change.
   */
  public static void accountChange(String what) {
    set(ACCOUNT_CHANGE, what);
  }

  static String accountChange(HttpServletRequest request) {
    return (String) request.getAttribute(ACCOUNT_CHANGE);
  }

  static String area(HttpServletRequest request) {
    return (String) request.getAttribute(AREA);
  }

  static String period(HttpServletRequest request) {
    return (String) request.getAttribute(PERIOD);
  }

  static Long rows(HttpServletRequest request) {
    return (Long) request.getAttribute(ROWS);
  }

  private static void set(String name, Object value) {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request != null && value != null) {
      request.setAttribute(name, value, RequestAttributes.SCOPE_REQUEST);
    }
  }
}
