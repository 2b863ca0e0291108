package nl.veiligheidskaart.service.store;

import jakarta.persistence.QueryHint;
import java.util.Optional;
import org.hibernate.jpa.HibernateHints;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.repository.NoRepositoryBean;

/** The risk locations of one kind, found by the id of their source record. */
@NoRepositoryBean
public interface RiskLocationRepository<E extends RiskLocationEntity<?, ?>> extends JpaRepository<E, Long> {

  /**
   * Without flushing first: an import looks up each row's source id (unique within its file), and
   * flushing the rows before it at every lookup made an import's time grow with the square of its rows.
   */
  @QueryHints(@QueryHint(name = HibernateHints.HINT_FLUSH_MODE, value = "COMMIT"))
  Optional<E> findBySourceId(String sourceId);
}
