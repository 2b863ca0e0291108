package nl.veiligheidskaart.service.audit;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AuditEntryRepository extends JpaRepository<AuditEntryEntity, Long> {

  List<AuditEntryEntity> findByUsernameOrderByIdDesc(String username);
}
