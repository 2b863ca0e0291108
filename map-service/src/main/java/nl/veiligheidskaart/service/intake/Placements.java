package nl.veiligheidskaart.service.intake;

import nl.veiligheidskaart.service.config.VeiligheidskaartProperties;
import nl.veiligheidskaart.service.geography.BoundaryIndexes;
import org.springframework.stereotype.Component;

/** Hands out the placement on the newest boundaries for each import. */
@Component
class Placements {

  private final BoundaryIndexes boundaries;
  private final double borderTolerance;

  Placements(BoundaryIndexes boundaries, VeiligheidskaartProperties properties) {
    this.boundaries = boundaries;
    this.borderTolerance = properties.intake().borderToleranceMetres();
  }

  /** @throws ImportFileException while no boundaries are loaded: nothing can be placed then */
  Placement newest() {
    return boundaries.newestLocator().map(locator -> new Placement(locator, borderTolerance))
        .orElseThrow(() -> new ImportFileException(0, null, "no municipal boundaries are loaded, so locations "
            + "cannot be placed in a municipality; load a boundary file first"));
  }
}
