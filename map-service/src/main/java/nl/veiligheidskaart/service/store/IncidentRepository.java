package nl.veiligheidskaart.service.store;

import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Polygon;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface IncidentRepository extends JpaRepository<IncidentEntity, Long> {

  Optional<IncidentEntity> findBySourceId(String sourceId);

  /** Incidents inside an area (e.g. a map extent in RD New), answered through the spatial index on PostGIS. */
  @Query("select i from IncidentEntity i where intersects(i.geometry, :area) order by i.id")
  List<IncidentEntity> findIntersecting(Polygon area);
}
