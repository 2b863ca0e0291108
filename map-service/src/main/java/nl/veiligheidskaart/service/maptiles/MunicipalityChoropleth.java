package nl.veiligheidskaart.service.maptiles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.veiligheidskaart.service.config.PrivacyProperties;
import nl.veiligheidskaart.service.maptiles.MapGeography.MapMunicipality;
import nl.veiligheidskaart.service.store.DataChangedEvent;
import nl.veiligheidskaart.tiles.render.Classification;
import nl.veiligheidskaart.tiles.render.MapStyle;
import nl.veiligheidskaart.tiles.render.MapStyle.Legend;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The municipality choropleth: per municipality the count, rate or change of the selected
 * incidents, classed as ArcGIS and QGIS do by default (five natural-breaks classes; fixed classes
 * around zero for change). Values below the minimum count are suppressed for every role but
 * ANALYST, and a MUNICIPALITY account sees values only for its own area and its neighbours.
 */
@Service
public class MunicipalityChoropleth {

  static final int CLASSES = 5;
  private static final ZoneId NETHERLANDS = ZoneId.of("Europe/Amsterdam");

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
   * The whole map: the period (for change also the previous one, [previousFrom, from)), every
   * municipality, the upper limits of the classes and the legend.
   */
  public record Choropleth(ChoroplethMeasure measure, Instant from, Instant to, Instant previousFrom,
      List<MunicipalityValue> municipalities, double[] breaks, Legend legend) {
  }

  private record Key(MapLayerFilter filter, ChoroplethMeasure measure, MapAudience audience) {
  }

  private final IncidentIndexLoader incidents;
  private final MapGeography geography;
  private final int minimumCount;
  private final Cache<Key, Choropleth> cache = Caffeine.newBuilder().maximumSize(1_000)
      .expireAfterWrite(Duration.ofMinutes(1)).build();

  MunicipalityChoropleth(IncidentIndexLoader incidents, MapGeography geography, PrivacyProperties privacy) {
    this.incidents = incidents;
    this.geography = geography;
    this.minimumCount = privacy.minimumCount();
  }

  public Choropleth choropleth(MapLayerFilter filter, ChoroplethMeasure measure, MapAudience audience) {
    return cache.get(new Key(filter, measure, audience), this::compute);
  }

  @EventListener
  void dataChanged(DataChangedEvent event) {
    cache.invalidateAll();
  }

  /**
   * The start of the period of the same length just before [from, to), in Dutch calendar terms: a
   * period of whole months goes back as many months (the quarter before a quarter), any other
   * period the same number of days, whatever summer time does.
   */
  public static Instant previousPeriodStart(Instant from, Instant to) {
    ZonedDateTime start = from.atZone(NETHERLANDS);
    ZonedDateTime end = to.atZone(NETHERLANDS);
    if (isMonthStart(start) && isMonthStart(end)) {
      return start.minusMonths(ChronoUnit.MONTHS.between(start, end)).toInstant();
    }
    long days = ChronoUnit.DAYS.between(start, end);
    Duration rest = Duration.between(start.plusDays(days), end);
    return start.minusDays(days).minus(rest).toInstant();
  }

  private static boolean isMonthStart(ZonedDateTime time) {
    return time.getDayOfMonth() == 1 && time.toLocalTime().equals(LocalTime.MIDNIGHT);
  }

  private Choropleth compute(Key key) {
    IncidentIndex index = incidents.current();
    MapLayerFilter filter = key.filter();
    Instant from = filter.from();
    Instant to = filter.to();
    Instant previousFrom = null;
    Map<String, Long> previous = Map.of();
    if (key.measure() == ChoroplethMeasure.CHANGE) {
      // Without a full period: the last year up to the end of the day of the latest incident.
      if (from == null || to == null) {
        Instant latest = index.latest() == null ? Instant.EPOCH : index.latest();
        to = to != null ? to : latest.atZone(NETHERLANDS).truncatedTo(ChronoUnit.DAYS).plusDays(1).toInstant();
        from = from != null ? from : to.atZone(NETHERLANDS).minusYears(1).toInstant();
      }
      previousFrom = previousPeriodStart(from, to);
      previous = index.countsByMunicipality(index.select(filter.categories(), previousFrom, from));
    }
    Map<String, Long> counts = index.countsByMunicipality(index.select(filter.categories(), from, to));
    boolean suppress = !key.audience().analyst();
    List<MunicipalityValue> values = new ArrayList<>();
    List<Double> shown = new ArrayList<>();
    for (MapMunicipality municipality : geography.municipalities()) {
      long count = counts.getOrDefault(municipality.code(), 0L);
      long before = previous.getOrDefault(municipality.code(), 0L);
      MunicipalityValue value;
      if (!key.audience().maySee(municipality.code())) {
        value = new MunicipalityValue(municipality, State.OUTSIDE_SCOPE, null, null, null);
      } else if (suppress && (count < minimumCount
          || key.measure() == ChoroplethMeasure.CHANGE && before < minimumCount)) {
        value = new MunicipalityValue(municipality, State.SUPPRESSED, null, null, null);
      } else if (key.measure() == ChoroplethMeasure.CHANGE && before == 0) {
        value = new MunicipalityValue(municipality, State.NOT_DEFINED, count, before, null);
      } else {
        double measured = switch (key.measure()) {
          case COUNT -> count;
          case RATE -> count / municipality.areaKm2();
          case CHANGE -> 100.0 * (count - before) / before;
        };
        value = new MunicipalityValue(municipality, State.SHOWN, count,
            key.measure() == ChoroplethMeasure.CHANGE ? before : null, measured);
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
        : MapStyle.sequentialLegend(key.measure().title(), key.measure().unit(), breaks, anySuppressed);
    return new Choropleth(key.measure(), from, to, previousFrom, values, breaks, legend);
  }
}
