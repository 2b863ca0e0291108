package nl.veiligheidskaart.service.web;

import nl.veiligheidskaart.service.api.AreaProfile;
import nl.veiligheidskaart.service.briefings.ProfilePack;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.service.monitor.AreaProfiles;
import nl.veiligheidskaart.service.monitor.ReportingAreas;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The profile of a municipality ({@code GM0150}), a district ({@code VR04}) or the unit
 * ({@code unit}) in a year, as JSON or, asked with {@code Accept: application/pdf}, as a PDF.
 */
@RestController
class ProfileController {

  private final AreaProfiles profiles;
  private final ProfilePack pack;
  private final ReportingAreas areas;

  ProfileController(AreaProfiles profiles, ProfilePack pack, ReportingAreas areas) {
    this.profiles = profiles;
    this.pack = pack;
    this.areas = areas;
  }

  @GetMapping(path = "/api/v1/profiles/{area}", produces = MediaType.APPLICATION_JSON_VALUE)
  AreaProfile profile(@PathVariable String area, @RequestParam(required = false) Integer year,
      DisclosurePolicy policy) {
    return profiles.profile(areas.resolve(area, "area"), year, policy);
  }

  @GetMapping(path = "/api/v1/profiles/{area}", produces = MediaType.APPLICATION_PDF_VALUE)
  ResponseEntity<byte[]> profilePdf(@PathVariable String area, @RequestParam(required = false) Integer year,
      DisclosurePolicy policy, Authentication user) {
    ProfilePack.Pdf pdf = pack.pdf(profiles.profile(areas.resolve(area, "area"), year, policy), policy,
        user.getName());
    return Pdfs.attachment(pdf.bytes(), pdf.fileName());
  }
}
