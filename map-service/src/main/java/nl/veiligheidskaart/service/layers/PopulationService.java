package nl.veiligheidskaart.service.layers;

import nl.veiligheidskaart.service.store.PopulationRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The inhabitants as stored now (a few hundred rows, read per request so an import shows at once). */
@Service
@Transactional(readOnly = true)
public class PopulationService {

  private final PopulationRepository population;

  PopulationService(PopulationRepository population) {
    this.population = population;
  }

  public PopulationTable table() {
    return new PopulationTable(population.findAll());
  }
}
