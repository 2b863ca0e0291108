package nl.veiligheidskaart.service.store;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MunicipalityRepository extends JpaRepository<MunicipalityEntity, String> {

  List<MunicipalityEntity> findAllByOrderByCode();

  List<MunicipalityEntity> findByDistrictCodeOrderByCode(String districtCode);
}
