package nl.veiligheidskaart.service.store;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DistrictRepository extends JpaRepository<DistrictEntity, String> {

  List<DistrictEntity> findAllByOrderByCode();
}
