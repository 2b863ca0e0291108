package nl.veiligheidskaart.service.intake;

import java.nio.file.Path;
import nl.veiligheidskaart.service.api.ImportReport;

/** Imports one kind of file (incidents, hemp sites, ...) in one transaction. */
public interface LayerImporter {

  /** The name in URLs and on the command line, e.g. {@code incidents}. */
  String layer();

  /**
   * Checks every row of the file and stores the good ones (strict mode: all or nothing).
   *
   * @param fileName the name the user gave the file; decides the format where a layer takes several
   * @throws ImportFileException when the file as a whole cannot be read; nothing is stored then
   */
  ImportReport importFile(Path file, String fileName, ImportMode mode, ImportProgress progress);
}
