package nl.veiligheidskaart.service.web;

import nl.veiligheidskaart.service.api.HempYearFigures;
import nl.veiligheidskaart.service.briefings.HempYearPack;
import nl.veiligheidskaart.service.briefings.ProfilePack;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.service.monitor.HempYearReport;
import nl.veiligheidskaart.service.monitor.ReportingAreas;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The hemp figures of a year for the district meeting, of the unit, a district or a municipality
 * ({@code area}), as JSON or, asked with {@code Accept: application/pdf}, as a PDF.
 */
@RestController
class HempYearController {

  private final HempYearReport report;
  private final HempYearPack pack;
  private final ReportingAreas areas;

  HempYearController(HempYearReport report, HempYearPack pack, ReportingAreas areas) {
    this.report = report;
    this.pack = pack;
    this.areas = areas;
  }

  @GetMapping(path = "/api/v1/hemp-figures", produces = MediaType.APPLICATION_JSON_VALUE)
  HempYearFigures figures(@RequestParam(required = false) String area, @RequestParam(required = false) Integer year,
      DisclosurePolicy policy) {
    return report.figures(areas.resolve(area, "area"), year, policy);
  }

  @GetMapping(path = "/api/v1/hemp-figures", produces = MediaType.APPLICATION_PDF_VALUE)
  ResponseEntity<byte[]> figuresPdf(@RequestParam(required = false) String area,
      @RequestParam(required = false) Integer year, DisclosurePolicy policy, Authentication user) {
    ProfilePack.Pdf pdf = pack.pdf(report.figures(areas.resolve(area, "area"), year, policy), user.getName());
    return Pdfs.attachment(pdf.bytes(), pdf.fileName());
  }
}
