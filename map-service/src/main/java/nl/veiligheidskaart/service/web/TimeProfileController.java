package nl.veiligheidskaart.service.web;

import nl.veiligheidskaart.service.api.TimeProfile;
import nl.veiligheidskaart.service.config.IncidentCategories;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.service.hotspots.TimeProfileService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * When incidents happen: the weekday × hour table (aoristic weights). An aggregate, so every role
 * that sees figures may ask it, through the disclosure policy (whole months, the reader's
 * municipalities, rounded and suppressed weights).
 */
@RestController
@RequestMapping("/api/v1/analysis")
class TimeProfileController {

  private final TimeProfileService profiles;
  private final IncidentCategories categories;

  TimeProfileController(TimeProfileService profiles, IncidentCategories categories) {
    this.profiles = profiles;
    this.categories = categories;
  }

  @GetMapping("/time-profile")
  TimeProfile timeProfile(TimeProfileQuery query, DisclosurePolicy policy) {
    return profiles.profile(query.selection(categories, policy), policy);
  }
}
