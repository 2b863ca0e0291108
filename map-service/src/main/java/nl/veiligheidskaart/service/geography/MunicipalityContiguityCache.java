package nl.veiligheidskaart.service.geography;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import nl.veiligheidskaart.geodata.contiguity.MunicipalityContiguity;
import nl.veiligheidskaart.service.store.MunicipalityBoundaryEntity;
import nl.veiligheidskaart.service.store.MunicipalityBoundaryRepository;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Component;

/**
 * Queen contiguity per boundary vintage. Computed from the stored boundaries on first use (a few
 * milliseconds for 76 municipalities), so any instance of the service rebuilds the same graph.
 */
@Component
class MunicipalityContiguityCache {

  private final MunicipalityBoundaryRepository boundaries;
  private final Map<Integer, MunicipalityContiguity> byVintage = new ConcurrentHashMap<>();

  MunicipalityContiguityCache(MunicipalityBoundaryRepository boundaries) {
    this.boundaries = boundaries;
  }

  MunicipalityContiguity forVintage(int vintage) {
    return byVintage.computeIfAbsent(vintage, v -> {
      Map<String, Geometry> areas = boundaries.findByValidFromYearOrderByMunicipalityCode(v).stream()
          .collect(Collectors.toMap(MunicipalityBoundaryEntity::getMunicipalityCode,
              MunicipalityBoundaryEntity::getGeometry));
      return MunicipalityContiguity.queen(areas, MunicipalityContiguity.DEFAULT_TOLERANCE_METRES);
    });
  }

  void invalidate() {
    byVintage.clear();
  }
}
