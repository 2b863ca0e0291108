package nl.veiligheidskaart.service.maptiles;

import java.util.Set;
import nl.veiligheidskaart.service.security.Role;

/**
 * Who looks at a map: the role decides raw points and suppression; {@code municipalities} is the
 * set a MUNICIPALITY account may see aggregates of (its own and its neighbours), null for all.
 */
public record MapAudience(Role role, Set<String> municipalities) {

  public MapAudience {
    municipalities = municipalities == null ? null : Set.copyOf(municipalities);
  }

  public boolean analyst() {
    return role == Role.ANALYST;
  }

  public boolean maySee(String municipalityCode) {
    return municipalities == null || municipalities.contains(municipalityCode);
  }
}
