package nl.veiligheidskaart.service.store;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The register of interventions. */
public interface InterventionRepository extends JpaRepository<InterventionEntity, Long> {

  /** Newest first: the order of every list of interventions. */
  List<InterventionEntity> findAllByOrderByDateDescIdDesc();
}
