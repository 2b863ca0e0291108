package nl.veiligheidskaart.service.intake;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.veiligheidskaart.service.store.IncidentEntity;
import nl.veiligheidskaart.service.store.IncidentRepository;
import org.springframework.data.domain.Sort;

/** The import fixtures under src/test/resources/intake, and snapshots of what got stored. */
final class Fixtures {

  private Fixtures() {
  }

  static Path file(String name) {
    try {
      return Path.of(Fixtures.class.getResource("/intake/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalArgumentException("no fixture " + name, e);
    }
  }

  /** Everything an incident row holds, comparable across imports and databases. */
  record StoredIncident(Long id, String sourceId, String category, String occurredAt, boolean hasTime,
      String occurredTo, String precision, String municipality, String point, Map<String, String> attributes, boolean demo) {

    StoredIncident withoutId() {
      return new StoredIncident(null, sourceId, category, occurredAt, hasTime, occurredTo, precision, municipality, point,
          attributes, demo);
    }
  }

  static List<StoredIncident> stored(IncidentRepository incidents) {
    return incidents.findAll(Sort.by("sourceId")).stream().map(Fixtures::snapshot).toList();
  }

  static StoredIncident snapshot(IncidentEntity i) {
    return new StoredIncident(i.getId(), i.getSourceId(), i.getCategory(), i.getOccurredAt().toString(),
        i.isOccurredAtHasTime(), i.getOccurredTo() == null ? null : i.getOccurredTo().toString(),
        i.getLocationPrecision(), i.getMunicipalityCode(), i.getGeometry().toText(),
        Map.copyOf(i.getAttributes()), i.isDemo());
  }
}
