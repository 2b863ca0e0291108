package nl.veiligheidskaart.service.store;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OmgClubhouseRepository extends JpaRepository<OmgClubhouseEntity, Long> {

  Optional<OmgClubhouseEntity> findBySourceId(String sourceId);
}
