package nl.veiligheidskaart.service.store;

import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Point;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface MunicipalityBoundaryRepository extends JpaRepository<MunicipalityBoundaryEntity, Long> {

  @Query("select max(b.validFromYear) from MunicipalityBoundaryEntity b")
  Optional<Integer> findNewestVintage();

  boolean existsByValidFromYear(int validFromYear);

  List<MunicipalityBoundaryEntity> findByValidFromYearOrderByMunicipalityCode(int validFromYear);

  /** Which municipality of a vintage contains a point (spatial predicate, evaluated by the database). */
  @Query("select b from MunicipalityBoundaryEntity b where b.validFromYear = :year and contains(b.geometry, :point)")
  List<MunicipalityBoundaryEntity> findContaining(int year, Point point);
}
