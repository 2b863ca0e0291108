package nl.veiligheidskaart.service.store;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** The imported risk factor layers' points, by layer. */
public interface RiskFactorPointRepository extends JpaRepository<RiskFactorPointEntity, Long> {

  List<RiskFactorPointEntity> findByLayerOrderBySourceId(String layer);

  @Query("select distinct p.layer from RiskFactorPointEntity p order by p.layer")
  List<String> layers();

  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("delete from RiskFactorPointEntity p where p.layer = ?1")
  int deleteLayer(String layer);
}
