package nl.veiligheidskaart.service.api;

/** A request parameter or body field has a value the service cannot use; answered as 400 problem+json. */
public class InvalidParameterException extends RuntimeException {

  private final String parameter;

  public InvalidParameterException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }
}
