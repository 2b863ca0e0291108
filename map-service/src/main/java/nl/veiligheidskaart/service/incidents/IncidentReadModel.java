package nl.veiligheidskaart.service.incidents;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import nl.veiligheidskaart.geodata.crs.Crs;
import org.locationtech.jts.geom.Envelope;

/**
 * Every question the service asks of the stored incidents: counts per municipality and category,
 * per month, per map cell, the incidents in a map extent, their locations for the analyses, the
 * time span of the data and whether it is demonstration data. Read-only; every map layer, figure,
 * analysis, snapshot and briefing counts and locates incidents through it, and through nothing else.
 *
 * <p><b>Which answer is authoritative.</b> The database (table {@code incident}, H2GIS or PostGIS)
 * is the truth: imports write only there. {@link DatabaseIncidentReadModel} asks it directly.
 * {@link InMemoryIncidentReadModel} answers from an {@link IncidentIndex}, a complete copy read from
 * the database on first use and read again after every committed change of the incidents
 * ({@link nl.veiligheidskaart.service.store.DataChangedEvent}); until the new copy is complete,
 * readers wait for it rather than see the old data. It is the default, because tiles and figures
 * count up to millions of incidents per request in milliseconds; the database model is chosen with
 * {@code veiligheidskaart.incident-read-model=database} where memory is short (about 34 bytes per
 * incident). Both give the same answers to every method: {@code IncidentReadModelAgreementTest}
 * holds them to it on H2GIS and on PostGIS.
 *
 * <p>Times are instants; months are calendar months in {@link nl.veiligheidskaart.service.config.Zones#NETHERLANDS}.
 * Record-level reads (OGC API feature pages with CQL2 filters, the CSV export, one incident by
 * its source id) are not questions of this model: they need every attribute of an incident, which
 * only the store holds ({@link nl.veiligheidskaart.service.store.IncidentQueries}).
 */
public interface IncidentReadModel {

  /** The number of selected incidents per category in each municipality; incidents without one are left out. */
  Map<String, Map<String, Long>> countsByMunicipalityAndCategory(IncidentQuery query);

  /** The number of selected incidents in each municipality; incidents without one are left out. */
  default Map<String, Long> countsByMunicipality(IncidentQuery query) {
    Map<String, Long> counts = new HashMap<>();
    countsByMunicipalityAndCategory(query).forEach((municipality, perCategory) -> counts.put(municipality,
        perCategory.values().stream().mapToLong(Long::longValue).sum()));
    return counts;
  }

  /** The number of selected incidents per calendar month (Dutch time) with any, in order. */
  Map<YearMonth, Long> countsByMonth(IncidentQuery query);

  /**
   * Selected incidents per cell of a {@code side} × {@code side} raster over an extent in a map CRS,
   * Web Mercator or RD New (see {@link CellRaster}: border incidents count east and south), row by
   * row from the north.
   */
  int[] countCells(Crs crs, Envelope extent, IncidentQuery query, int side);

  /**
   * Calls {@code action} with every selected incident inside an extent in a map CRS, Web Mercator
   * or RD New (edges included), located in that CRS, in no order.
   */
  void forEachInExtent(Crs crs, Envelope extent, IncidentQuery query, Consumer<MapIncident> action);

  /** The RD New locations and times of every selected incident, ordered by time and source id. */
  IncidentLocations locations(IncidentQuery query);

  /**
   * When each selected incident happened, as a window (a moment, a whole day for a date, or up to
   * its {@code occurred_to}), for analyses of the time of day and the weekday; selected, like every
   * question here, by {@code occurred_at}.
   */
  IncidentTimeWindows timeWindows(IncidentQuery query);

  /** When the first and the last incident happened; empty without incidents. */
  Optional<TimeSpan> timeSpan();

  /** Whether any incident is demonstration data: outputs then say so (viewer banner, snapshot watermark). */
  boolean containsDemo();
}
