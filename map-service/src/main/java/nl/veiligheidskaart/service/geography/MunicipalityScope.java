package nl.veiligheidskaart.service.geography;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import nl.veiligheidskaart.service.identity.Role;
import org.springframework.stereotype.Component;

/**
 * Which municipalities a reader may see aggregates of: a MUNICIPALITY account its own municipality
 * and its neighbours (DESIGN.md, privacy and access); every other role all of them.
 */
@Component
public class MunicipalityScope {

  private final BoundaryIndexes boundaries;

  MunicipalityScope(BoundaryIndexes boundaries) {
    this.boundaries = boundaries;
  }

  /** The codes the reader may see, or empty for "all". */
  public Optional<Set<String>> visibleCodes(Role role, String ownMunicipality) {
    if (role != Role.MUNICIPALITY) {
      return Optional.empty();
    }
    Set<String> visible = new TreeSet<>();
    if (ownMunicipality != null) {
      visible.add(ownMunicipality);
      boundaries.newestVintage().ifPresent(v -> visible.addAll(boundaries.contiguity(v).neighbours(ownMunicipality)));
    }
    return Optional.of(visible);
  }
}
