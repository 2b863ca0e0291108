package nl.veiligheidskaart.service.intake;

import java.util.function.Function;
import nl.veiligheidskaart.service.store.RiskLocationEntity;
import nl.veiligheidskaart.service.store.RiskLocationRepository;
import org.locationtech.jts.geom.Geometry;

/**
 * A checked row of a risk-location register: its source id, geometry in RD New, what the register
 * says of it, the municipality it lies in, and whether it is demo data.
 */
record RiskLocationRow<G extends Geometry, A>(String sourceId, G geometry, A attributes, String municipality,
    boolean demo) {

  /** Stores the row: a new location, or the one with its source id replaced. */
  <E extends RiskLocationEntity<G, A>> void storeIn(RiskLocationRepository<E> repository,
      Function<String, E> newLocation) {
    E location = repository.findBySourceId(sourceId).orElseGet(() -> newLocation.apply(sourceId));
    location.replace(geometry, attributes, municipality, demo);
    repository.save(location);
  }
}
