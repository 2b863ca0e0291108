package nl.veiligheidskaart.service.intake;

/** Told how far an import has read its file, e.g. to draw a progress bar. */
@FunctionalInterface
public interface ImportProgress {

  ImportProgress NONE = bytesRead -> {
  };

  void bytesRead(long bytes);
}
