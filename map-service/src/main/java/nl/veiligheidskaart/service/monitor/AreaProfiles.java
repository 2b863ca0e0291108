package nl.veiligheidskaart.service.monitor;

import static nl.veiligheidskaart.service.config.Zones.NETHERLANDS;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import nl.veiligheidskaart.service.api.AreaProfile;
import nl.veiligheidskaart.service.api.AreaProfile.HotspotFinding;
import nl.veiligheidskaart.service.api.AreaProfile.PartFigures;
import nl.veiligheidskaart.service.api.AreaProfile.RiskLocationFigures;
import nl.veiligheidskaart.service.api.AreaProfile.ThemeFigures;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.api.StrategyMonitorReport.Indicator;
import nl.veiligheidskaart.service.config.VeiligheidskaartProperties;
import nl.veiligheidskaart.service.disclosure.DisclosedCount;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.service.hotspots.HotspotService;
import nl.veiligheidskaart.service.hotspots.IncidentSelection;
import nl.veiligheidskaart.service.hotspots.MunicipalityHotspots;
import nl.veiligheidskaart.service.incidents.IncidentQuery;
import nl.veiligheidskaart.service.incidents.IncidentReadModel;
import nl.veiligheidskaart.service.interventions.InterventionService;
import nl.veiligheidskaart.service.layers.PopulationService;
import nl.veiligheidskaart.service.layers.PopulationTable;
import nl.veiligheidskaart.service.store.ClubhouseStatus;
import nl.veiligheidskaart.service.store.CountSource;
import nl.veiligheidskaart.service.store.HempSiteAttributes;
import nl.veiligheidskaart.service.store.HempSiteRepository;
import nl.veiligheidskaart.service.store.HempSiteType;
import nl.veiligheidskaart.service.store.HolidayParkRepository;
import nl.veiligheidskaart.service.store.OmgClubhouseRepository;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Profiles of a municipality, a district or the unit in a year ({@link AreaProfile}): what the
 * strategy asks as the "information position" per municipality that adds up to a regional one.
 */
@Service
@Transactional(readOnly = true)
public class AreaProfiles {

  /** Dutch names of the hemp sites' types, as the register's forms use them. */
  static final Map<HempSiteType, String> HEMP_SITE_TYPES = Map.of(HempSiteType.HOUSE, "woning",
      HempSiteType.BUSINESS_PREMISES, "bedrijfspand", HempSiteType.OUTDOOR, "buitenteelt", HempSiteType.OTHER,
      "overig");

  private final ReportingAreas areas;
  private final IncidentReadModel incidents;
  private final PopulationService population;
  private final StrategyMonitor monitor;
  private final HotspotService hotspots;
  private final InterventionService interventions;
  private final HempSiteRepository hempSites;
  private final HolidayParkRepository holidayParks;
  private final OmgClubhouseRepository clubhouses;
  private final VeiligheidskaartProperties properties;
  private final Clock clock;

  AreaProfiles(ReportingAreas areas, IncidentReadModel incidents, PopulationService population,
      StrategyMonitor monitor, HotspotService hotspots, InterventionService interventions, HempSiteRepository hempSites,
      HolidayParkRepository holidayParks, OmgClubhouseRepository clubhouses, VeiligheidskaartProperties properties,
      Clock clock) {
    this.areas = areas;
    this.incidents = incidents;
    this.population = population;
    this.monitor = monitor;
    this.hotspots = hotspots;
    this.interventions = interventions;
    this.hempSites = hempSites;
    this.holidayParks = holidayParks;
    this.clubhouses = clubhouses;
    this.properties = properties;
    this.clock = clock;
  }

  /** The latest whole calendar year, which a profile shows unless asked otherwise. */
  public int latestWholeYear() {
    return LocalDate.now(clock.withZone(NETHERLANDS)).getYear() - 1;
  }

  /**
   * @param year null for the latest whole year
   * @throws InvalidParameterException naming {@code year} for a year that has not ended
   * @throws AccessDeniedException when the reader may not see the area whole, or sees no incident figures
   */
  public AreaProfile profile(ReportingArea area, Integer year, DisclosurePolicy policy) {
    areas.requireVisible(area, policy);
    if (!policy.seesIncidentFigures()) {
      throw new AccessDeniedException("Profiles are drawn from incidents, which are not shown to administrators.");
    }
    int shown = year == null ? latestWholeYear() : year;
    if (shown > latestWholeYear() || shown < 1900) {
      throw new InvalidParameterException("year", "a profile covers a whole year that has ended; the latest is "
          + latestWholeYear() + ", not " + shown);
    }
    Optional<ReportingArea> comparison = switch (area.kind()) {
      case MUNICIPALITY -> areas.district(area);
      case DISTRICT -> Optional.of(areas.resolve(ReportingAreas.UNIT, "area"));
      case UNIT -> Optional.empty();
    };
    Optional<ReportingArea> visibleComparison = comparison.filter(c -> c.municipalities().stream()
        .allMatch(policy::maySee));
    ReportingArea counted = comparison.orElse(area);
    Map<String, Map<String, Long>> now = counts(counted, shown);
    Map<String, Map<String, Long>> before = counts(counted, shown - 1);
    PopulationTable inhabitants = population.table();
    boolean previousWhole = shown - 1 >= StrategyMonitor.firstWholeYear(incidents);

    List<ThemeFigures> themes = new ArrayList<>();
    for (VeiligheidskaartProperties.Category category : properties.categories()) {
      String code = category.code();
      DisclosedCount count = policy.count(sum(now, area.municipalities(), code));
      DisclosedCount previous = policy.count(sum(before, area.municipalities(), code));
      Double comparisonRate = visibleComparison.map(c -> rate(policy.count(sum(now, c.municipalities(), code)),
          inhabitants, c.municipalities(), shown)).orElse(null);
      themes.add(new ThemeFigures(code, category.label(), count.value(), previous.value(),
          previousWhole ? StrategyMonitor.change(previous.value(), count.value()) : null,
          rate(count, inhabitants, area.municipalities(), shown),
          rate(previous, inhabitants, area.municipalities(), shown - 1), comparisonRate));
    }
    List<PartFigures> parts = areas.parts(area).stream().filter(part -> part.municipalities().stream()
        .allMatch(policy::maySee)).map(part -> {
          DisclosedCount count = policy.count(sum(now, part.municipalities(), null));
          return new PartFigures(part.code(), part.name(), count.value(),
              policy.count(sum(before, part.municipalities(), null)).value(),
              rate(count, inhabitants, part.municipalities(), shown));
        }).toList();
    List<Indicator> indicators = new ArrayList<>(monitor.monitor(new StrategyMonitor.Request(area,
        CountSource.STATISTICS, null, null, shown, true), policy).indicators());
    indicators.addAll(monitor.monitor(new StrategyMonitor.Request(area, CountSource.INCIDENTS, null, null, shown),
        policy).indicators());
    Optional<Long> people = total(inhabitants, area.municipalities(), shown);
    return new AreaProfile(area.code(), area.name(), area.kind().name().toLowerCase(java.util.Locale.ROOT),
        comparison.filter(c -> area.kind() == ReportingArea.Kind.MUNICIPALITY).map(ReportingArea::code).orElse(null),
        comparison.filter(c -> area.kind() == ReportingArea.Kind.MUNICIPALITY).map(ReportingArea::name).orElse(null),
        shown, previousWhole, people.orElse(null), people.flatMap(p -> inhabitants.nearestYear(shown)).orElse(null),
        visibleComparison.map(ReportingArea::name).orElse(null), themes, riskLocations(area, shown, policy),
        indicators, interventions.list(new InterventionService.Filter(null, null, LocalDate.of(shown, 1, 1),
            LocalDate.of(shown, 12, 31)), policy).stream().filter(i -> area.municipalities().contains(i.municipality()))
            .toList(), policy.exact() ? hotspots(area, shown, themes, inhabitants) : null, parts);
  }

  /** Incidents per municipality and category in a calendar year, over the municipalities of an area. */
  private Map<String, Map<String, Long>> counts(ReportingArea area, int year) {
    return incidents.countsByMunicipalityAndCategory(IncidentQuery.of(List.of(), start(year), start(year + 1))
        .within(area.municipalities()));
  }

  /** The incidents of a category (null: all) in the municipalities. */
  private static long sum(Map<String, Map<String, Long>> counts, List<String> municipalities, String category) {
    long sum = 0;
    for (String code : municipalities) {
      Map<String, Long> perCategory = counts.getOrDefault(code, Map.of());
      sum += category == null ? perCategory.values().stream().mapToLong(Long::longValue).sum()
          : perCategory.getOrDefault(category, 0L);
    }
    return sum;
  }

  private static Double rate(DisclosedCount count, PopulationTable inhabitants, List<String> municipalities,
      int year) {
    return total(inhabitants, municipalities, year).map(count::ratePer1000).orElse(null);
  }

  /** The inhabitants of the municipalities in the nearest year with figures; empty when any has none. */
  private static Optional<Long> total(PopulationTable inhabitants, List<String> municipalities, int year) {
    long total = 0;
    for (String code : municipalities) {
      Optional<PopulationTable.Inhabitants> figure = inhabitants.inhabitants(code, year);
      if (figure.isEmpty()) {
        return Optional.empty();
      }
      total += figure.get().inhabitants();
    }
    return Optional.of(total);
  }

  /**
   * Hemp sites found and dismantled in the year by type, holiday parks with signals, OMG clubhouses
   * in use and closed in the year.
   */
  private List<RiskLocationFigures> riskLocations(ReportingArea area, int year, DisclosurePolicy policy) {
    Predicate<String> inArea = code -> code != null && area.municipalities().contains(code);
    List<HempSiteAttributes> sites = hempSites.findAll().stream().filter(site -> inArea.test(
        site.getMunicipalityCode())).map(site -> site.getAttributes()).toList();
    List<RiskLocationFigures> figures = new ArrayList<>();
    figures.add(new RiskLocationFigures("hemp-sites", "aangetroffen in " + year, policy.shown(sites.stream()
        .filter(site -> site.foundOn().getYear() == year).count())));
    Map<HempSiteType, Long> dismantled = new HashMap<>();
    sites.stream().filter(site -> site.dismantledOn() != null && site.dismantledOn().getYear() == year)
        .forEach(site -> dismantled.merge(site.siteType(), 1L, Long::sum));
    figures.add(new RiskLocationFigures("hemp-sites", "ontmanteld in " + year, policy.shown(dismantled.values()
        .stream().mapToLong(Long::longValue).sum())));
    for (HempSiteType type : HempSiteType.values()) {
      figures.add(new RiskLocationFigures("hemp-sites", "ontmanteld in " + year + ", " + HEMP_SITE_TYPES.get(type),
          policy.shown(dismantled.getOrDefault(type, 0L))));
    }
    var parks = holidayParks.findAll().stream().filter(park -> inArea.test(park.getMunicipalityCode()))
        .map(park -> park.getAttributes()).toList();
    figures.add(new RiskLocationFigures("holiday-parks", "vakantieparken", policy.shown(parks.size())));
    figures.add(new RiskLocationFigures("holiday-parks", "met signaal permanente bewoning", policy.shown(parks
        .stream().filter(park -> park.permanentResidenceSignal()).count())));
    figures.add(new RiskLocationFigures("holiday-parks", "met signaal ondermijning", policy.shown(parks.stream()
        .filter(park -> park.subversionSignal()).count())));
    var houses = clubhouses.findAll().stream().filter(house -> inArea.test(house.getMunicipalityCode()))
        .map(house -> house.getAttributes()).toList();
    figures.add(new RiskLocationFigures("omg-clubhouses", "in gebruik", policy.shown(houses.stream()
        .filter(house -> house.status() == ClubhouseStatus.ACTIVE).count())));
    figures.add(new RiskLocationFigures("omg-clubhouses", "gesloten in " + year, policy.shown(houses.stream()
        .filter(house -> house.closedOn() != null && house.closedOn().getYear() == year).count())));
    return figures;
  }

  /**
   * Per theme with incidents: the area's municipalities whose rate is a hot or cold spot among the 76
   * (Gi*, 90 % or more, false discovery rate corrected: the analysis's defaults).
   */
  private List<HotspotFinding> hotspots(ReportingArea area, int year, List<ThemeFigures> themes,
      PopulationTable inhabitants) {
    List<HotspotFinding> findings = new ArrayList<>();
    if (inhabitants.nearestYear(year).isEmpty()) {
      return findings; // rates need inhabitants: a store without population figures has no rate to analyse
    }
    for (ThemeFigures theme : themes) {
      if (theme.count() == null || theme.count() == 0) {
        continue;
      }
      MunicipalityHotspots result = hotspots.municipalityHotspots(new IncidentSelection(List.of(theme.category()),
          start(year), start(year + 1), "all"), new HotspotService.MunicipalityOptions(CountSource.INCIDENTS,
              HotspotService.Measure.RATE, null, null, true, 0, 0));
      for (int i = 0; i < result.municipalities().size(); i++) {
        String code = result.municipalities().codes().get(i);
        if (result.bins()[i] != 0 && area.municipalities().contains(code)) {
          findings.add(new HotspotFinding(theme.category(), theme.label(), code,
              result.municipalities().names().get(i), result.bins()[i], result.z()[i]));
        }
      }
    }
    return findings;
  }

  private static Instant start(int year) {
    return LocalDate.of(year, 1, 1).atStartOfDay(NETHERLANDS).toInstant();
  }
}
