package nl.veiligheidskaart.service.layers;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.geodata.crs.CrsTransform;
import nl.veiligheidskaart.service.api.Feature;
import nl.veiligheidskaart.service.api.FeatureCollection;
import nl.veiligheidskaart.service.store.HempSiteRepository;
import nl.veiligheidskaart.service.store.HolidayParkRepository;
import nl.veiligheidskaart.service.store.OmgClubhouseRepository;
import nl.veiligheidskaart.service.store.RiskLocationEntity;
import nl.veiligheidskaart.service.store.RiskLocationRepository;
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
    return features(hempSites, crs, (site, p) -> {
      p.put("foundOn", site.foundOn());
      p.put("dismantledOn", site.dismantledOn());
      p.put("plantCount", site.plantCount());
      p.put("siteType", site.siteType().name().toLowerCase(Locale.ROOT));
      p.put("fireHazard", site.fireHazard());
      p.put("intervention", site.intervention());
      p.put("source", site.source());
    });
  }

  public FeatureCollection holidayParks(Crs crs) {
    return features(holidayParks, crs, (park, p) -> {
      p.put("name", park.name());
      p.put("units", park.unitCount());
      p.put("permanentResidence", park.permanentResidenceSignal());
      p.put("subversionSignals", park.subversionSignal());
    });
  }

  public FeatureCollection omgClubhouses(Crs crs) {
    return features(clubhouses, crs, (clubhouse, p) -> {
      p.put("club", clubhouse.club());
      p.put("chapter", clubhouse.chapter());
      p.put("status", clubhouse.status().name().toLowerCase(Locale.ROOT));
      p.put("riskClass", clubhouse.riskClass());
      p.put("civilBan", clubhouse.civilBan());
      p.put("openedOn", clubhouse.openedOn());
      p.put("closedOn", clubhouse.closedOn());
    });
  }

  /** Every location of a register by source id; its properties: the source id, its attributes, municipality, demo. */
  private static <A> FeatureCollection features(RiskLocationRepository<? extends RiskLocationEntity<?, A>> register,
      Crs crs, BiConsumer<A, Map<String, Object>> attributes) {
    return FeatureCollection.of(register.findAll(BY_SOURCE_ID).stream().map(location -> {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("sourceId", location.getSourceId());
      attributes.accept(location.getAttributes(), p);
      p.put("municipality", location.getMunicipalityCode());
      p.put("demo", location.isDemo());
      return Feature.of(location.getSourceId(), CrsTransform.transform(location.getGeometry(), Crs.RD_NEW, crs), p);
    }).toList(), crs);
  }
}
