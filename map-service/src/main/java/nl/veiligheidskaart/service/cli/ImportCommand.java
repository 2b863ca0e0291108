package nl.veiligheidskaart.service.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import nl.veiligheidskaart.service.api.ImportReport;
import nl.veiligheidskaart.service.api.RowError;
import nl.veiligheidskaart.service.intake.ImportFileException;
import nl.veiligheidskaart.service.intake.ImportMode;
import nl.veiligheidskaart.service.intake.ImportProgress;
import nl.veiligheidskaart.service.intake.Importers;
import nl.veiligheidskaart.service.intake.LayerImporter;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code import LAYER FILE [--mode strict|lenient]}: the same import as the HTTP endpoint, with a
 * progress bar on standard error and the report on standard output. Exit code 0 when the file was
 * stored, 1 when it was refused (nothing stored), 2 for wrong usage.
 */
final class ImportCommand {

  private static final Set<String> OPTIONS = Set.of("mode");
  private static final int BAR_WIDTH = 30;

  private ImportCommand() {
  }

  static int run(CommandLine.Invocation invocation) {
    String unknown = CommandLine.unknownOption(invocation, OPTIONS);
    if (unknown != null) {
      return CommandLine.usage(invocation.err(), unknown);
    }
    String layer = invocation.words().get(1);
    Path file = Path.of(invocation.words().get(2));
    ImportMode mode;
    try {
      mode = ImportMode.parse(invocation.options().get("mode"));
    } catch (IllegalArgumentException e) {
      return CommandLine.usage(invocation.err(), "--mode: " + e.getMessage());
    }
    if (!Files.isRegularFile(file)) {
      invocation.err().println("error: " + file + ": no such file");
      return 2;
    }
    try (ConfigurableApplicationContext context = invocation.startStore()) {
      Importers importers = context.getBean(Importers.class);
      LayerImporter importer = importers.forLayer(layer).orElse(null);
      if (importer == null) {
        return CommandLine.usage(invocation.err(), "no import for '" + layer + "'; there are imports for "
            + String.join(", ", importers.layers()));
      }
      long started = System.nanoTime();
      ImportReport report = importer.importFile(file, file.getFileName().toString(), mode,
          progressBar(invocation.err(), size(file)));
      double seconds = (System.nanoTime() - started) / 1e9;
      invocation.err().println();
      print(invocation.out(), report, mode, seconds);
      return mode == ImportMode.STRICT && report.errorCount() > 0 ? 1 : 0;
    } catch (ImportFileException e) {
      invocation.err().println();
      invocation.err().println(file + (e.error().line() > 0 ? ":" + e.error().line() : "") + ": " + e.getMessage()
          + "; nothing was stored");
      return 1;
    }
  }

  private static void print(PrintStream out, ImportReport report, ImportMode mode, double seconds) {
    for (RowError error : report.errors()) {
      out.println("line " + error.line() + (error.column() == null ? "" : ", " + error.column()) + ": "
          + error.message());
    }
    if (report.errorCount() > report.errors().size()) {
      out.println("... and " + (report.errorCount() - report.errors().size()) + " more errors");
    }
    for (RowError warning : report.warnings()) {
      out.println("line " + warning.line() + " (repaired): " + warning.message());
    }
    boolean refused = mode == ImportMode.STRICT && report.errorCount() > 0;
    out.println(String.format(Locale.ROOT, "%s: %d rows accepted, %d rejected, %d errors in %.1f s (%.0f rows/s)",
        refused ? "Refused, nothing stored" : "Imported", report.accepted(), report.rejected(), report.errorCount(),
        seconds, (report.accepted() + report.rejected()) / Math.max(seconds, 1e-9)));
  }

  /** A bar on a terminal, redrawn in place; a line per 10 % when the output goes to a file. */
  private static ImportProgress progressBar(PrintStream err, long total) {
    boolean terminal = System.console() != null;
    int[] lastTenth = {-1};
    return bytes -> {
      double fraction = total == 0 ? 1 : Math.min(1, (double) bytes / total);
      int filled = (int) Math.round(fraction * BAR_WIDTH);
      String bar = "[" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] "
          + Math.round(fraction * 100) + " %";
      if (terminal) {
        err.print("\r" + bar);
        err.flush();
      } else if ((int) (fraction * 10) > lastTenth[0]) {
        lastTenth[0] = (int) (fraction * 10);
        err.println(bar);
      }
    };
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
