package nl.veiligheidskaart.service.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.veiligheidskaart.service.api.ImportReport;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.api.NotFoundException;
import nl.veiligheidskaart.service.intake.ImportFileException;
import nl.veiligheidskaart.service.intake.ImportMode;
import nl.veiligheidskaart.service.intake.ImportProgress;
import nl.veiligheidskaart.service.intake.Importers;
import nl.veiligheidskaart.service.intake.RiskFactorImporter;
import nl.veiligheidskaart.service.intake.LayerImporter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploads of incidents, risk locations and area statistics (role ADMIN). A strict rejection, and
 * a file that cannot be read at all, answer 400 with the import report inside the problem+json.
 */
@RestController
class ImportController {

  private static final Pattern EXTENSION = Pattern.compile("\\.([A-Za-z0-9]{1,10})$");

  private final Importers importers;
  private final RiskFactorImporter riskFactors;

  ImportController(Importers importers, RiskFactorImporter riskFactors) {
    this.importers = importers;
    this.riskFactors = riskFactors;
  }

  /** A point layer as a new risk factor of risk terrain models, replacing the layer of that name. */
  @PostMapping(path = "/api/v1/import/risk-factors/{name}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<?> importRiskFactor(@PathVariable String name, @RequestParam(required = false) MultipartFile file,
      @RequestParam(required = false) String mode) {
    ImportMode importMode = importMode(mode);
    return importUpload(file, importMode, (upload, fileName) -> riskFactors.importLayer(name, upload, fileName,
        importMode));
  }

  @PostMapping(path = "/api/v1/import/{layer}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<?> importFile(@PathVariable String layer, @RequestParam(required = false) MultipartFile file,
      @RequestParam(required = false) String mode) {
    LayerImporter importer = importers.forLayer(layer).orElseThrow(() -> new NotFoundException(
        "No import for '" + layer + "'; there are imports for " + String.join(", ", importers.layers())));
    ImportMode importMode = importMode(mode);
    return importUpload(file, importMode, (upload, fileName) -> importer.importFile(upload, fileName, importMode,
        ImportProgress.NONE));
  }

  /** What imports an uploaded file stored in a temporary file, given the name the user gave it. */
  private interface Upload {
    ImportReport importFile(Path upload, String fileName);
  }

  private static ResponseEntity<?> importUpload(MultipartFile file, ImportMode importMode, Upload importer) {
    if (file == null || file.isEmpty()) {
      throw new InvalidParameterException("file", "send the file to import as the multipart field 'file'");
    }
    Path upload = null;
    try {
      String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
      // The extension tells the readers the format (GeoJSON, GeoPackage, CSV).
      upload = Files.createTempFile("veiligheidskaart-import-", extension(name));
      file.transferTo(upload);
      ImportReport report = importer.importFile(upload, name);
      if (importMode == ImportMode.STRICT && report.errorCount() > 0) {
        return rejected(report, report.rejected() + " of " + (report.accepted() + report.rejected())
            + " rows have errors; nothing was stored");
      }
      return ResponseEntity.ok(report);
    } catch (ImportFileException e) {
      return rejected(new ImportReport(0, 0, 1, List.of(e.error()), List.of()),
          "The file cannot be imported: " + e.getMessage() + "; nothing was stored");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteQuietly(upload);
    }
  }

  private static String extension(String fileName) {
    Matcher matcher = EXTENSION.matcher(fileName);
    return matcher.find() ? "." + matcher.group(1).toLowerCase(Locale.ROOT) : ".upload";
  }

  private static ImportMode importMode(String mode) {
    try {
      return ImportMode.parse(mode);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("mode", e.getMessage());
    }
  }

  private static ResponseEntity<ProblemDetail> rejected(ImportReport report, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setProperty("accepted", report.accepted());
    problem.setProperty("rejected", report.rejected());
    problem.setProperty("errorCount", report.errorCount());
    problem.setProperty("errors", report.errors());
    problem.setProperty("warnings", report.warnings());
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  private static void deleteQuietly(Path upload) {
    if (upload != null) {
      try {
        Files.deleteIfExists(upload);
      } catch (IOException ignored) {
        // a temp file left behind is cleaned by the OS; the import's outcome stands
      }
    }
  }
}
