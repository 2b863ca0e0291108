package nl.veiligheidskaart.service.layers;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.geodata.crs.CrsTransform;
import nl.veiligheidskaart.service.api.Feature;
import nl.veiligheidskaart.service.api.FeatureCollection;
import nl.veiligheidskaart.service.store.HempSiteRepository;
import nl.veiligheidskaart.service.store.HolidayParkRepository;
import nl.veiligheidskaart.service.store.OmgClubhouseRepository;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Hemp sites, holiday parks and OMG clubhouses as GeoJSON layers. */
@Service
@Transactional(readOnly = true)
public class RiskLocationLayers {

  private static final Sort BY_SOURCE_ID = Sort.by("sourceId");

  private final HempSiteRepository hempSites;
  private final HolidayParkRepository holidayParks;
  private final OmgClubhouseRepository clubhouses;

  RiskLocationLayers(HempSiteRepository hempSites, HolidayParkRepository holidayParks,
      OmgClubhouseRepository clubhouses) {
    this.hempSites = hempSites;
    this.holidayParks = holidayParks;
    this.clubhouses = clubhouses;
  }

  public FeatureCollection hempSites(Crs crs) {
    return FeatureCollection.of(hempSites.findAll(BY_SOURCE_ID).stream().map(site -> {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("sourceId", site.getSourceId());
      p.put("foundOn", site.getFoundOn());
      p.put("dismantledOn", site.getDismantledOn());
      p.put("plantCount", site.getPlantCount());
      p.put("siteType", site.getSiteType().name().toLowerCase(Locale.ROOT));
      p.put("fireHazard", site.isFireHazard());
      p.put("intervention", site.getIntervention());
      p.put("source", site.getSource());
      p.put("municipality", site.getMunicipalityCode());
      p.put("demo", site.isDemo());
      return Feature.of(site.getSourceId(), CrsTransform.transform(site.getGeometry(), Crs.RD_NEW, crs), p);
    }).toList(), crs);
  }

  public FeatureCollection holidayParks(Crs crs) {
    return FeatureCollection.of(holidayParks.findAll(BY_SOURCE_ID).stream().map(park -> {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("sourceId", park.getSourceId());
      p.put("name", park.getName());
      p.put("units", park.getUnitCount());
      p.put("permanentResidence", park.isPermanentResidenceSignal());
      p.put("subversionSignals", park.isSubversionSignal());
      p.put("municipality", park.getMunicipalityCode());
      p.put("demo", park.isDemo());
      return Feature.of(park.getSourceId(), CrsTransform.transform(park.getGeometry(), Crs.RD_NEW, crs), p);
    }).toList(), crs);
  }

  public FeatureCollection omgClubhouses(Crs crs) {
    return FeatureCollection.of(clubhouses.findAll(BY_SOURCE_ID).stream().map(clubhouse -> {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("sourceId", clubhouse.getSourceId());
      p.put("club", clubhouse.getClub());
      p.put("chapter", clubhouse.getChapter());
      p.put("status", clubhouse.getStatus().name().toLowerCase(Locale.ROOT));
      p.put("riskClass", clubhouse.getRiskClass());
      p.put("civilBan", clubhouse.isCivilBan());
      p.put("openedOn", clubhouse.getOpenedOn());
      p.put("closedOn", clubhouse.getClosedOn());
      p.put("municipality", clubhouse.getMunicipalityCode());
      p.put("demo", clubhouse.isDemo());
      return Feature.of(clubhouse.getSourceId(), CrsTransform.transform(clubhouse.getGeometry(), Crs.RD_NEW, crs), p);
    }).toList(), crs);
  }
}
