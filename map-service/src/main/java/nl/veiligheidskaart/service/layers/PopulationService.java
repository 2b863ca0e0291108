package nl.veiligheidskaart.service.layers;

import java.util.concurrent.atomic.AtomicLong;
import nl.veiligheidskaart.service.store.DataChangedEvent;
import nl.veiligheidskaart.service.store.PopulationRepository;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inhabitants as stored: a few hundred rows, read once and kept until an import of the layer
 * {@code population} (here or, through the change feed, on another replica) changes them. Maps,
 * figures and analyses ask for them on every request.
 */
@Service
@Transactional(readOnly = true)
public class PopulationService {

  private final PopulationRepository population;
  private volatile PopulationTable table;
  /** Counts the changes, so that a read that began before one is not kept after it. */
  private final AtomicLong changes = new AtomicLong();

  PopulationService(PopulationRepository population) {
    this.population = population;
  }

  public PopulationTable table() {
    PopulationTable known = table;
    if (known != null) {
      return known;
    }
    long before = changes.get();
    PopulationTable read = new PopulationTable(population.findAll());
    if (changes.get() == before) {
      table = read;
    }
    return read;
  }

  @EventListener
  void dataChanged(DataChangedEvent event) {
    if (event.layer().equals("population")) {
      changes.incrementAndGet();
      table = null;
    }
  }
}
