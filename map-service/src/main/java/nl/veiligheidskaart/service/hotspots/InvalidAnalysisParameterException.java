package nl.veiligheidskaart.service.hotspots;

/** A parameter of an analysis request that cannot be used; the API answers 400 naming it. */
public class InvalidAnalysisParameterException extends RuntimeException {

  private final String parameter;

  public InvalidAnalysisParameterException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }
}
