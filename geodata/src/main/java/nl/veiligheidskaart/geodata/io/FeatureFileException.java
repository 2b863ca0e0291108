package nl.veiligheidskaart.geodata.io;

import java.nio.file.Path;

/** A feature file could not be read; the message names the file and what is wrong with it. */
public class FeatureFileException extends RuntimeException {

  private final transient Path file;
  private final String problem;

  public FeatureFileException(Path file, String problem) {
    this(file, problem, null);
  }

  public FeatureFileException(Path file, String problem, Throwable cause) {
    super(file.toAbsolutePath() + ": " + problem, cause);
    this.file = file;
    this.problem = problem;
  }

  public Path file() {
    return file;
  }

  /** What is wrong, without the file name. */
  public String problem() {
    return problem;
  }
}
