package nl.veiligheidskaart.service.store;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface HolidayParkRepository extends JpaRepository<HolidayParkEntity, Long> {

  Optional<HolidayParkEntity> findBySourceId(String sourceId);
}
