package nl.veiligheidskaart.service.audit;

import java.util.Arrays;
import java.util.Optional;

/** What an audit row records; its code is what the trail stores and the audit API filters on. */
public enum AuditEvent {
  /** A request for data or a service, answered (with data or with an error such as 400 or 404). */
  ACCESS("access"),
  /** A request refused: without a (valid) account (401), without the right role or scope (403), or over a limit (429). */
  REFUSED("refused"),
  /** A sign-in with the viewer's login form. */
  SIGN_IN("sign-in"),
  /** A sign-in with a wrong password, an unknown or disabled account, or while sign-ins are throttled. */
  SIGN_IN_FAILED("sign-in-failed"),
  SIGN_OUT("sign-out"),
  /** An account created, changed (role, municipality, enabled, password) or deleted. */
  ACCOUNT_CHANGE("account-change"),
  /** A pattern worth a look, such as a burst of near-identical queries (differencing). */
  ALERT("alert");

  private final String code;

  AuditEvent(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<AuditEvent> ofCode(String code) {
    return Arrays.stream(values()).filter(event -> event.code.equals(code)).findFirst();
  }
}
