package nl.veiligheidskaart.service.api;

/** A resource named in the request path does not exist; answered as 404 problem+json. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }
}
