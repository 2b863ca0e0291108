package nl.veiligheidskaart.service.web;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** How a pack goes out: a PDF attachment under its file name, never kept by a cache (it holds figures for one reader). */
final class Pdfs {

  private Pdfs() {
  }

  static ResponseEntity<byte[]> attachment(byte[] pdf, String fileName) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
        .cacheControl(CacheControl.noStore()).body(pdf);
  }
}
