package nl.veiligheidskaart.service.web;

import static nl.veiligheidskaart.service.config.Zones.NETHERLANDS;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.briefings.BriefingService.Briefing;
import nl.veiligheidskaart.service.briefings.BriefingService;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.service.displacement.StudyPeriod;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The BBG briefing pack of a district as a PDF (analysts prepare it for the board). */
@RestController
class BriefingController {

  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

  private final BriefingService briefings;

  BriefingController(BriefingService briefings) {
    this.briefings = briefings;
  }

  /**
   * @param district code (VR04) or name (IJsselland)
   * @param period a year (2026), quarter (2026-Q3), month (2026-07) or days (2026-07-01..2026-09-30);
   *     by default the last full quarter
   */
  @GetMapping("/api/v1/briefings/{district}")
  ResponseEntity<byte[]> briefing(@PathVariable String district, @RequestParam(required = false) String period,
      DisclosurePolicy policy, Authentication user) {
    Briefing briefing = briefings.briefing(district, period(period), policy, user.getName());
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(briefing.fileName())
            .build().toString())
        .cacheControl(CacheControl.noStore()).body(briefing.pdf());
  }

  static StudyPeriod period(String text) {
    if (text == null || text.isBlank()) {
      LocalDate quarterStart = LocalDate.now(NETHERLANDS).withDayOfMonth(1);
      quarterStart = quarterStart.withMonth((quarterStart.getMonthValue() - 1) / 3 * 3 + 1);
      LocalDate first = quarterStart.minusMonths(3);
      return new StudyPeriod(first.getYear() + "-Q" + ((first.getMonthValue() - 1) / 3 + 1), first, quarterStart);
    }
    Matcher quarter = QUARTER.matcher(text.strip());
    if (quarter.matches()) {
      LocalDate first = LocalDate.of(Integer.parseInt(quarter.group(1)), (Integer.parseInt(quarter.group(2)) - 1) * 3 + 1,
          1);
      return new StudyPeriod(text.strip(), first, first.plusMonths(3));
    }
    try {
      return StudyPeriod.parse(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("period", e.getMessage() + ", or a quarter (2026-Q3)");
    }
  }
}
