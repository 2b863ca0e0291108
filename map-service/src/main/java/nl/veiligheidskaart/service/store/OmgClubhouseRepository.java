package nl.veiligheidskaart.service.store;

import jakarta.persistence.QueryHint;
import java.util.Optional;
import org.hibernate.jpa.HibernateHints;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.QueryHints;

public interface OmgClubhouseRepository extends JpaRepository<OmgClubhouseEntity, Long> {

  /**
   * Without flushing first: an import looks up each row's source id (unique within its file), and
   * flushing the rows before it at every lookup made an import's time grow with the square of its rows.
   */
  @QueryHints(@QueryHint(name = HibernateHints.HINT_FLUSH_MODE, value = "COMMIT"))
  Optional<OmgClubhouseEntity> findBySourceId(String sourceId);
}
