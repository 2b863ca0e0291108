package nl.veiligheidskaart.service.interventions;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import nl.veiligheidskaart.service.api.DisplacementResult;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.api.WaterbedCheck;
import nl.veiligheidskaart.service.config.Zones;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.service.displacement.DisplacementService;
import nl.veiligheidskaart.service.displacement.DisplacementService.Buffer;
import nl.veiligheidskaart.service.displacement.DisplacementService.Control;
import nl.veiligheidskaart.service.displacement.StudyPeriod;
import nl.veiligheidskaart.service.store.CountSource;
import nl.veiligheidskaart.service.store.DataChangedEvent;
import nl.veiligheidskaart.service.store.InterventionEntity;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The waterbed check that follows every intervention by itself: for each window (3, 6 and 12
 * months each side of its date) and each of its categories, the displacement check of
 * {@link DisplacementService} with exactly what {@code GET /api/v1/analysis/displacement} would be
 * asked (the municipality against its neighbours, a drawn area against a ring of 500 m, the rest
 * of the district as control), for the reader's policy.
 *
 * <p>Computed when asked for and kept in a cache keyed on the intervention's version, the reader's
 * policy, the version of the incidents and today's date: new incidents (here or, through the
 * change feed, in another replica) and the end of an after period give a new key, so an answer is
 * never older than the data, and each check is computed once per change.
 */
@Component
public class WaterbedChecks {

  /** The windows of the check, shortest first. */
  public static final List<Period> WINDOWS = List.of(Period.ofMonths(3), Period.ofMonths(6), Period.ofMonths(12));
  /** The ring around a drawn target: the displacement endpoint's default for a drawn area. */
  static final Buffer DRAWN_AREA_BUFFER = new Buffer(500.0);

  private record Key(long intervention, long version, DisclosurePolicy policy, long incidents, LocalDate today) {
  }

  private final DisplacementService displacement;
  private final Clock clock;
  private final AtomicLong incidents = new AtomicLong();
  /**
   * Each check runs in its own read, not in the caller's transaction: a check refused to the reader
   * (an exception the endpoint would answer with 400) must not mark the caller's transaction for rollback.
   */
  private final TransactionTemplate outsideTheCallersTransaction;
  private final Cache<Key, List<WaterbedCheck>> cache = Caffeine.newBuilder().maximumSize(10_000)
      .expireAfterAccess(Duration.ofHours(6)).build();

  WaterbedChecks(DisplacementService displacement, Clock clock, PlatformTransactionManager transactions) {
    this.displacement = displacement;
    this.clock = clock;
    this.outsideTheCallersTransaction = new TransactionTemplate(transactions);
    this.outsideTheCallersTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
  }

  /** The checks of an intervention for the reader: window by window, each of its categories in turn. */
  public List<WaterbedCheck> checks(InterventionEntity intervention, DisclosurePolicy reader) {
    LocalDate today = LocalDate.now(clock.withZone(Zones.NETHERLANDS));
    Key key = new Key(intervention.getId(), intervention.getVersion(), reader, incidents.get(), today);
    return cache.get(key, k -> compute(intervention, reader, today));
  }

  /**
   * After the other listeners have seen new incidents (the read model starts its new index first,
   * so that a check computed under the new version reads the new data).
   */
  @EventListener
  @Order(Ordered.LOWEST_PRECEDENCE)
  void dataChanged(DataChangedEvent event) {
    if (event.layer().equals("incidents")) {
      incidents.incrementAndGet();
      cache.invalidateAll();
    }
  }

  private List<WaterbedCheck> compute(InterventionEntity intervention, DisclosurePolicy reader, LocalDate today) {
    List<WaterbedCheck> checks = new ArrayList<>();
    for (Period window : WINDOWS) {
      StudyPeriod[] periods = StudyPeriod.around(intervention.getDate(), window);
      boolean complete = !today.isBefore(periods[1].end());
      for (String category : intervention.getCategories()) {
        DisplacementService.Request request = intervention.getGeometry() == null
            ? new DisplacementService.Request(List.of(intervention.getMunicipalityCode()), null, category,
                CountSource.INCIDENTS, periods[0], periods[1], Buffer.CONTIGUITY, Control.DISTRICT)
            : new DisplacementService.Request(List.of(), intervention.getGeometry(), category, CountSource.INCIDENTS,
                periods[0], periods[1], DRAWN_AREA_BUFFER, Control.DISTRICT);
        DisplacementResult result = null;
        String refused = null;
        try {
          result = outsideTheCallersTransaction.execute(status -> displacement.analyse(request, reader));
        } catch (InvalidParameterException | AccessDeniedException e) {
          // what the displacement endpoint would refuse this reader, it refuses here too, saying why
          refused = e.getMessage();
        }
        checks.add(new WaterbedCheck(window.toString(), complete, periods[1].end(), result, refused));
      }
    }
    return List.copyOf(checks);
  }
}
