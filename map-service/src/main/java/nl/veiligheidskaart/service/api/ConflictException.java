package nl.veiligheidskaart.service.api;

/** The request would overwrite something that exists (e.g. a username taken); answered as 409. */
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
