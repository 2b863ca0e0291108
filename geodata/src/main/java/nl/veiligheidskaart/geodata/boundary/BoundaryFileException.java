package nl.veiligheidskaart.geodata.boundary;

import java.nio.file.Path;

/** A boundary file could not be used; the message names the file and what is wrong with it. */
public class BoundaryFileException extends RuntimeException {

  private final transient Path file;

  public BoundaryFileException(Path file, String problem) {
    super(message(file, problem));
    this.file = file;
  }

  public BoundaryFileException(Path file, String problem, Throwable cause) {
    super(message(file, problem), cause);
    this.file = file;
  }

  /** The file that could not be used. */
  public Path file() {
    return file;
  }

  private static String message(Path file, String problem) {
    return "Boundary file " + file.toAbsolutePath() + ": " + problem;
  }
}
