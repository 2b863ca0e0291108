package nl.veiligheidskaart.service.web;

import static nl.veiligheidskaart.service.config.Zones.NETHERLANDS;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.briefings.BriefingService.Briefing;
import nl.veiligheidskaart.service.briefings.BriefingService;
import nl.veiligheidskaart.service.briefings.ProfilePack;
import nl.veiligheidskaart.service.briefings.UnitBriefing;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.service.displacement.StudyPeriod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The BBG briefing packs as PDF: a district's (analysts prepare it for the board) and the unit-wide one. */
@RestController
class BriefingController {

  /** Its own path before {@code /api/v1/briefings/{district}}: it holds no hotspot maps, so the board makes it too. */
  static final String UNIT_PACK = "/api/v1/briefings/unit";

  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

  private final BriefingService briefings;
  private final UnitBriefing unitBriefing;

  BriefingController(BriefingService briefings, UnitBriefing unitBriefing) {
    this.briefings = briefings;
    this.unitBriefing = unitBriefing;
  }

  /**
   * The BBG's unit-wide pack of a year (by default the latest whole one): the strategy monitor, a
   * page per theme with its portfolio holder, and the waterbed overview; any BBG account may make it.
   */
  @GetMapping(UNIT_PACK)
  ResponseEntity<byte[]> unitPack(@RequestParam(required = false) Integer year, DisclosurePolicy policy,
      Authentication user) {
    ProfilePack.Pdf pdf = unitBriefing.pack(year, policy, user.getName());
    return Pdfs.attachment(pdf.bytes(), pdf.fileName());
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
    return Pdfs.attachment(briefing.pdf(), briefing.fileName());
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
