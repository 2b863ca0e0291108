package nl.veiligheidskaart.service.monitor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.veiligheidskaart.service.api.HempYearFigures;
import nl.veiligheidskaart.service.api.HempYearFigures.Row;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.service.store.HempSiteAttributes;
import nl.veiligheidskaart.service.store.HempSiteEntity;
import nl.veiligheidskaart.service.store.HempSiteRepository;
import nl.veiligheidskaart.service.store.HempSiteType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hemp figures of a year from the register of dismantled plantations ({@link HempYearFigures}),
 * per municipality, adding up to the districts and the unit.
 */
@Service
@Transactional(readOnly = true)
public class HempYearReport {

  private final HempSiteRepository sites;
  private final ReportingAreas areas;
  private final AreaProfiles profiles;

  HempYearReport(HempSiteRepository sites, ReportingAreas areas, AreaProfiles profiles) {
    this.sites = sites;
    this.areas = areas;
    this.profiles = profiles;
  }

  /**
   * @param year null for the latest whole year
   * @throws InvalidParameterException naming {@code year} for a year that has not ended
   * @throws AccessDeniedException for a reader who sees no figures of the register, or none of the area
   */
  public HempYearFigures figures(ReportingArea area, Integer year, DisclosurePolicy policy) {
    if (!policy.seesIncidentFigures()) {
      throw new AccessDeniedException("The hemp figures are not shown to administrators.");
    }
    if (area.municipalities().stream().noneMatch(policy::maySee)) {
      throw new AccessDeniedException("Your account sees its own municipality and its neighbours, none of "
          + area.name() + ".");
    }
    int shown = year == null ? profiles.latestWholeYear() : year;
    if (shown > profiles.latestWholeYear() || shown < 1900) {
      throw new InvalidParameterException("year", "the hemp figures cover a whole year that has ended; the latest is "
          + profiles.latestWholeYear() + ", not " + shown);
    }
    Map<String, List<HempSiteAttributes>> perMunicipality = new HashMap<>();
    for (HempSiteEntity site : sites.findAll()) {
      if (site.getMunicipalityCode() != null) {
        perMunicipality.computeIfAbsent(site.getMunicipalityCode(), code -> new ArrayList<>()).add(site.getAttributes());
      }
    }
    List<Row> municipalities = new ArrayList<>();
    List<Row> districts = new ArrayList<>();
    List<ReportingArea> districtAreas = switch (area.kind()) {
      case UNIT -> areas.parts(area);
      case DISTRICT -> List.of(area);
      case MUNICIPALITY -> List.of();
    };
    for (ReportingArea district : districtAreas) {
      for (ReportingArea municipality : areas.parts(district).stream().sorted(Comparator.comparing(ReportingArea::name))
          .toList()) {
        if (policy.maySee(municipality.code())) {
          municipalities.add(row(municipality, district.name(), perMunicipality, shown, policy));
        }
      }
      if (district.municipalities().stream().allMatch(policy::maySee)) {
        districts.add(row(district, null, perMunicipality, shown, policy));
      }
    }
    if (area.kind() == ReportingArea.Kind.MUNICIPALITY) {
      municipalities.add(row(area, areas.district(area).map(ReportingArea::name).orElse(null), perMunicipality, shown,
          policy));
    }
    Row total = area.municipalities().stream().allMatch(policy::maySee)
        ? row(area, null, perMunicipality, shown, policy) : null;
    return new HempYearFigures(shown, area.code(), area.name(), municipalities, districts, total);
  }

  private static Row row(ReportingArea area, String district, Map<String, List<HempSiteAttributes>> perMunicipality,
      int year, DisclosurePolicy policy) {
    long found = 0;
    long dismantled = 0;
    long plants = 0;
    long fireHazard = 0;
    Map<HempSiteType, Long> byType = new HashMap<>();
    Map<String, Long> interventions = new TreeMap<>();
    for (String code : area.municipalities()) {
      for (HempSiteAttributes site : perMunicipality.getOrDefault(code, List.of())) {
        found += site.foundOn().getYear() == year ? 1 : 0;
        if (site.dismantledOn() == null || site.dismantledOn().getYear() != year) {
          continue;
        }
        dismantled++;
        plants += site.plantCount() == null ? 0 : site.plantCount();
        fireHazard += site.fireHazard() ? 1 : 0;
        byType.merge(site.siteType(), 1L, Long::sum);
        if (site.intervention() != null && !site.intervention().isBlank()) {
          interventions.merge(site.intervention().strip(), 1L, Long::sum);
        }
      }
    }
    Map<String, Long> types = new LinkedHashMap<>();
    for (HempSiteType type : HempSiteType.values()) {
      types.put(AreaProfiles.HEMP_SITE_TYPES.get(type), policy.shown(byType.getOrDefault(type, 0L)));
    }
    Map<String, Long> shownInterventions = new LinkedHashMap<>();
    // a withheld count is left out whole: a kind listed with no number would still say "at least one"
    interventions.forEach((what, count) -> {
      Long shown = policy.shown(count);
      if (shown != null) {
        shownInterventions.put(what, shown);
      }
    });
    return new Row(area.code(), area.name(), district, policy.shown(found), policy.shown(dismantled), types,
        policy.shown(plants), policy.shown(fireHazard), shownInterventions);
  }
}
