package nl.veiligheidskaart.service.disclosure;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import nl.veiligheidskaart.service.config.PrivacyProperties;
import nl.veiligheidskaart.service.config.Zones;
import nl.veiligheidskaart.service.geography.MunicipalityScope;
import nl.veiligheidskaart.service.identity.Role;
import nl.veiligheidskaart.service.identity.SignedInUser;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Builds the disclosure policy of a request from its account: the one place that does. */
@Component
public class DisclosurePolicies {

  private final MunicipalityScope scope;
  private final PrivacyProperties privacy;
  private final Clock clock;

  DisclosurePolicies(MunicipalityScope scope, PrivacyProperties privacy, Clock clock) {
    this.scope = scope;
    this.privacy = privacy;
    this.clock = clock;
  }

  public DisclosurePolicy forAccount(Authentication account) {
    Role role = SignedInUser.role(account).orElseThrow(() -> new IllegalStateException(
        "an account without a role reached a data endpoint"));
    return forRole(role, SignedInUser.municipality(account).orElse(null));
  }

  public DisclosurePolicy forRole(Role role, String municipality) {
    return new DisclosurePolicy(role, role == Role.MUNICIPALITY ? municipality : null,
        scope.visibleCodes(role, municipality).orElse(null), privacy.minimumCount(), privacy.minimumDrawnAreaKm2(),
        startOfCurrentMonth());
  }

  /** The analysts' policy, for work done on their behalf (a briefing pack). */
  public DisclosurePolicy analyst() {
    return forRole(Role.ANALYST, null);
  }

  private Instant startOfCurrentMonth() {
    return LocalDate.now(clock.withZone(Zones.NETHERLANDS)).withDayOfMonth(1).atStartOfDay(Zones.NETHERLANDS)
        .toInstant();
  }
}
