package nl.veiligheidskaart.service.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * What an endpoint knows of a data access that its request line does not show: the area and
 * period of a request body, and how many records it handed out. Controllers state it on the
 * current request; the audit filter writes it with the access.
 */
public final class AuditFacts {

  private static final String AREA = AuditFacts.class.getName() + ".area";
  private static final String PERIOD = AuditFacts.class.getName() + ".period";
  private static final String ROWS = AuditFacts.class.getName() + ".rows";

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
