package nl.veiligheidskaart.service.geography;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import nl.veiligheidskaart.geodata.contiguity.MunicipalityContiguity;
import nl.veiligheidskaart.geodata.locate.MunicipalityLocator;
import nl.veiligheidskaart.service.store.MunicipalityBoundaryEntity;
import nl.veiligheidskaart.service.store.MunicipalityBoundaryRepository;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Structures derived from a boundary vintage: queen contiguity and the point-in-municipality
 * locator. Built from the stored boundaries on first use (milliseconds for 76 municipalities) and
 * kept per vintage, so every instance of the service rebuilds the same ones.
 */
@Component
public class BoundaryIndexes {

  private final MunicipalityBoundaryRepository boundaries;
  private final Map<Integer, MunicipalityContiguity> contiguity = new ConcurrentHashMap<>();
  private final Map<Integer, MunicipalityLocator> locators = new ConcurrentHashMap<>();

  BoundaryIndexes(MunicipalityBoundaryRepository boundaries) {
    this.boundaries = boundaries;
  }

  @Transactional(readOnly = true)
  public Optional<Integer> newestVintage() {
    return boundaries.findNewestVintage();
  }

  @Transactional(readOnly = true)
  public MunicipalityContiguity contiguity(int vintage) {
    return contiguity.computeIfAbsent(vintage,
        v -> MunicipalityContiguity.queen(boundaries(v), MunicipalityContiguity.DEFAULT_TOLERANCE_METRES));
  }

  /** The locator of the newest vintage, or empty while no boundaries are loaded. */
  @Transactional(readOnly = true)
  public Optional<MunicipalityLocator> newestLocator() {
    return newestVintage().map(v -> locators.computeIfAbsent(v, year -> new MunicipalityLocator(boundaries(year))));
  }

  void invalidate() {
    contiguity.clear();
    locators.clear();
  }

  /** The municipalities of a vintage that a drawn area (RD New) reaches into, not merely touches. */
  @Transactional(readOnly = true)
  public Set<String> covered(Geometry area, int vintage) {
    PreparedGeometry drawn = PreparedGeometryFactory.prepare(area);
    Set<String> codes = new TreeSet<>();
    boundaries(vintage).forEach((code, boundary) -> {
      if (drawn.intersects(boundary) && area.intersection(boundary).getArea() > 0) {
        codes.add(code);
      }
    });
    return codes;
  }

  /** The boundaries of a vintage by municipality code, in RD New. */
  @Transactional(readOnly = true)
  public Map<String, Geometry> boundaries(int vintage) {
    return boundaries.findByValidFromYearOrderByMunicipalityCode(vintage).stream()
        .collect(Collectors.toMap(MunicipalityBoundaryEntity::getMunicipalityCode,
            MunicipalityBoundaryEntity::getGeometry));
  }
}
