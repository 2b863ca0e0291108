package nl.veiligheidskaart.service.security;

import jakarta.persistence.LockModeType;
import java.util.List;
import nl.veiligheidskaart.service.identity.Role;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

public interface UserAccountRepository extends JpaRepository<UserAccountEntity, String> {

  /** The enabled accounts of a role, locked until the transaction ends (so two changes cannot both take the last ADMIN). */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  List<UserAccountEntity> findByRoleAndEnabledTrue(Role role);

  List<UserAccountEntity> findAllByOrderByUsername();
}
