package nl.veiligheidskaart.service.store;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AreaStatisticRepository extends JpaRepository<AreaStatisticEntity, Long> {

  Optional<AreaStatisticEntity> findByMunicipalityCodeAndPeriodAndCategory(String municipalityCode, String period,
      String category);

  List<AreaStatisticEntity> findByCategoryAndPeriodOrderByMunicipalityCode(String category, String period);
}
