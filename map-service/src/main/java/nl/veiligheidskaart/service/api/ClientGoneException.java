package nl.veiligheidskaart.service.api;

/**
 * The client hung up before its answer was ready, so the work for it was stopped. Nobody reads the
 * answer; the status (499, as nginx logs it) is for the audit trail and the access log.
 */
public class ClientGoneException extends RuntimeException {

  /** Not an HTTP status of the standard: nginx's "client closed request". */
  public static final int STATUS = 499;

  public ClientGoneException() {
    super("The client closed the connection before the answer was ready; its work was stopped.");
  }
}
