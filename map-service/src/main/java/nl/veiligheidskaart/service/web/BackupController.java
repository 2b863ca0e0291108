package nl.veiligheidskaart.service.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import nl.veiligheidskaart.service.store.OnlineBackup;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A backup of the embedded store while it runs (role ADMIN, as all of /api/v1/admin): the zip
 * that {@code java -jar map-service.jar restore FILE} takes.
 */
@RestController
class BackupController {

  private final OnlineBackup backup;
  private final Clock clock;

  BackupController(OnlineBackup backup, Clock clock) {
    this.backup = backup;
    this.clock = clock;
  }

  @PostMapping("/api/v1/admin/backup")
  void backup(HttpServletResponse response) throws IOException {
    Path file = backup.toTemporaryFile();
    try {
      String name = "veiligheidskaart-" + LocalDateTime.now(clock)
          .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".zip";
      response.setContentType("application/zip");
      response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
          .toString());
      response.setContentLengthLong(Files.size(file));
      Files.copy(file, response.getOutputStream());
    } finally {
      OnlineBackup.delete(file);
    }
  }
}
