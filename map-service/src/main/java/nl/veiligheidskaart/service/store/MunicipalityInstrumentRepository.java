package nl.veiligheidskaart.service.store;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** The instruments in force per municipality. */
public interface MunicipalityInstrumentRepository extends JpaRepository<MunicipalityInstrumentEntity, Long> {

  List<MunicipalityInstrumentEntity> findByMunicipalityCode(String municipalityCode);

  /** Before a municipality's new set is stored: flushed at once, so that its unique key is free. */
  @Modifying(flushAutomatically = true)
  @Query("DELETE FROM MunicipalityInstrumentEntity i WHERE i.municipalityCode = ?1")
  void deleteByMunicipalityCode(String municipalityCode);
}
