package nl.veiligheidskaart.service.intake;

import nl.veiligheidskaart.service.api.RowError;

/** The file as a whole cannot be imported (not CSV, a required column missing, ...); nothing is stored. */
public class ImportFileException extends RuntimeException {

  private final transient RowError error;

  public ImportFileException(long line, String column, String message) {
    super(message);
    this.error = new RowError(line, column, message);
  }

  public RowError error() {
    return error;
  }
}
