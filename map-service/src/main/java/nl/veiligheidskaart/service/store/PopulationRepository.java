package nl.veiligheidskaart.service.store;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PopulationRepository extends JpaRepository<PopulationEntity, Long> {
}
