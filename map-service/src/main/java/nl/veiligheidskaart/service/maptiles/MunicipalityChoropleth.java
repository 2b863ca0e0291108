package nl.veiligheidskaart.service.maptiles;

import static nl.veiligheidskaart.service.config.Zones.NETHERLANDS;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.veiligheidskaart.service.disclosure.DisclosedCount;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.service.incidents.IncidentQuery;
import nl.veiligheidskaart.service.incidents.IncidentReadModel;
import nl.veiligheidskaart.service.incidents.TimeSpan;
import nl.veiligheidskaart.service.layers.PopulationService;
import nl.veiligheidskaart.service.layers.PopulationTable;
import nl.veiligheidskaart.service.maptiles.MapGeography.MapMunicipality;
import nl.veiligheidskaart.service.store.DataChangedEvent;
import nl.veiligheidskaart.tiles.render.Classification;
import nl.veiligheidskaart.tiles.render.MapStyle.Legend;
import nl.veiligheidskaart.tiles.render.MapStyle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The municipality choropleth: per municipality the count, rate per 1,000 inhabitants, density per
 * km² or change of the selected incidents, classed as ArcGIS and QGIS do by default (five natural-breaks classes; fixed classes
 * around zero for change). Counts are shown as the reader's disclosure policy allows (suppressed,
 * rounded, in scope), and rates and changes are computed from the counts as shown.
 */
@Service
public class MunicipalityChoropleth {

  static final int CLASSES = 5;

  /** Whether a municipality's value is drawn, and if not, why. */
  public enum State {
    SHOWN, SUPPRESSED, NOT_DEFINED, OUTSIDE_SCOPE
  }

  /**
   * One municipality's figures; counts and value are null unless the state is SHOWN (a NOT_DEFINED
   * change keeps its counts: the previous period had none).
   */
  public record MunicipalityValue(MapMunicipality municipality, State state, Long count, Long previousCount,
      Double value) {
  }

  /**
   * The whole map: the period (for change also the previous one, [previousFrom, from)), for rates
   * the year of the inhabitants (else null), every municipality, the upper limits of the classes
   * and the legend.
   */
  public record Choropleth(ChoroplethMeasure measure, Instant from, Instant to, Instant previousFrom,
      Integer populationYear, List<MunicipalityValue> municipalities, double[] breaks, Legend legend) {
  }

  private record Key(MapLayerFilter filter, ChoroplethMeasure measure, DisclosurePolicy policy) {
  }

  private final IncidentReadModel incidents;
  private final PopulationService population;
  private final MapGeography geography;
  private final Clock clock;
  private final Cache<Key, Choropleth> cache = Caffeine.newBuilder().maximumSize(1_000)
      .expireAfterWrite(Duration.ofMinutes(1)).build();

  MunicipalityChoropleth(IncidentReadModel incidents, PopulationService population, MapGeography geography,
      Clock clock) {
    this.clock = clock;
    this.incidents = incidents;
    this.population = population;
    this.geography = geography;
  }

  public Choropleth choropleth(MapLayerFilter filter, ChoroplethMeasure measure, DisclosurePolicy policy) {
    return cache.get(new Key(filter, measure, policy), this::compute);
  }

  @EventListener
  void dataChanged(DataChangedEvent event) {
    cache.invalidateAll();
  }

  private Choropleth compute(Key key) {
    MapLayerFilter filter = key.filter();
    Instant from = filter.from();
    Instant to = filter.to();
    Instant previousFrom = null;
    Map<String, Long> previous = Map.of();
    if (key.measure() == ChoroplethMeasure.CHANGE) {
      // Without a full period: the last year up to the end of the day of the latest incident.
      if (from == null || to == null) {
        Instant latest = incidents.timeSpan().map(TimeSpan::last).orElse(Instant.EPOCH);
        to = to != null ? to : latest.atZone(NETHERLANDS).truncatedTo(ChronoUnit.DAYS).plusDays(1).toInstant();
        from = from != null ? from : to.atZone(NETHERLANDS).minusYears(1).toInstant();
      }
      previousFrom = IncidentQuery.previousPeriodStart(from, to);
      previous = incidents.countsByMunicipality(IncidentQuery.of(filter.categories(), previousFrom, from));
    }
    Map<String, Long> counts = incidents.countsByMunicipality(IncidentQuery.of(filter.categories(), from, to));
    PopulationTable inhabitants = population.table();
    Integer populationYear = key.measure() == ChoroplethMeasure.RATE
        ? inhabitants.nearestYear(periodYear(from, to)).orElse(null) : null;
    DisclosurePolicy policy = key.policy();
    boolean change = key.measure() == ChoroplethMeasure.CHANGE;
    List<MunicipalityValue> values = new ArrayList<>();
    List<Double> shown = new ArrayList<>();
    for (MapMunicipality municipality : geography.municipalities()) {
      DisclosedCount count = policy.count(counts.getOrDefault(municipality.code(), 0L));
      DisclosedCount before = policy.count(previous.getOrDefault(municipality.code(), 0L));
      MunicipalityValue value;
      if (!policy.maySee(municipality.code())) {
        value = new MunicipalityValue(municipality, State.OUTSIDE_SCOPE, null, null, null);
      } else if (count.suppressed() || change && before.suppressed()) {
        value = new MunicipalityValue(municipality, State.SUPPRESSED, null, null, null);
      } else if (change && before.value() == 0 || key.measure() == ChoroplethMeasure.RATE
          && (populationYear == null || inhabitants.inhabitantsIn(municipality.code(), populationYear).isEmpty())) {
        value = new MunicipalityValue(municipality, State.NOT_DEFINED, count.value(), change ? before.value() : null,
            null);
      } else {
        // measures from the counts as shown, so that they tell no more than the counts do
        double measured = switch (key.measure()) {
          case COUNT -> count.value();
          case RATE -> count.ratePer1000(inhabitants.inhabitantsIn(municipality.code(), populationYear).orElseThrow());
          case DENSITY -> count.value() / municipality.areaKm2();
          case CHANGE -> 100.0 * (count.value() - before.value()) / before.value();
        };
        value = new MunicipalityValue(municipality, State.SHOWN, count.value(), change ? before.value() : null,
            measured);
        shown.add(measured);
      }
      values.add(value);
    }
    boolean anySuppressed = values.stream().anyMatch(v -> v.state() == State.SUPPRESSED);
    double[] breaks = key.measure() == ChoroplethMeasure.CHANGE ? new double[0]
        : Classification.naturalBreaks(shown.stream().mapToDouble(Double::doubleValue).toArray(), CLASSES);
    Legend legend = key.measure() == ChoroplethMeasure.CHANGE
        ? MapStyle.changeLegend(key.measure().title(), anySuppressed,
            values.stream().anyMatch(v -> v.state() == State.NOT_DEFINED))
        : MapStyle.sequentialLegend(key.measure().title() + (populationYear == null ? ""
            : " (inwoners op 1 januari " + populationYear + ")"), key.measure().unit(), breaks, anySuppressed,
            values.stream().anyMatch(v -> v.state() == State.NOT_DEFINED) ? "Geen inwonertal bekend" : null);
    return new Choropleth(key.measure(), from, to, previousFrom, populationYear, values, breaks, legend);
  }

  /** The year whose inhabitants a period is measured against: that of its first day, else of its end, else this year. */
  private int periodYear(Instant from, Instant to) {
    Instant reference = from != null ? from : to != null ? to.minusMillis(1) : clock.instant();
    return reference.atZone(NETHERLANDS).getYear();
  }
}
