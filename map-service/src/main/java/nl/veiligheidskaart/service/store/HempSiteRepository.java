package nl.veiligheidskaart.service.store;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface HempSiteRepository extends JpaRepository<HempSiteEntity, Long> {

  Optional<HempSiteEntity> findBySourceId(String sourceId);
}
