package nl.veiligheidskaart.service.riskterrain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import nl.veiligheidskaart.service.store.HempSiteRepository;
import nl.veiligheidskaart.service.store.HolidayParkRepository;
import nl.veiligheidskaart.service.store.OmgClubhouseRepository;
import nl.veiligheidskaart.service.store.RiskFactorPointEntity;
import nl.veiligheidskaart.service.store.RiskFactorPointRepository;
import nl.veiligheidskaart.service.store.RiskLocationEntity;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The layers a risk terrain can take as risk factors, by name: the three registers of risk
 * locations and the point layers an ADMIN imported as risk factors, in RD New.
 */
@Component
@Transactional(readOnly = true)
public class RiskFactorLayers {

  public static final String HEMP_SITES = "hemp-sites";
  public static final String HOLIDAY_PARKS = "holiday-parks";
  public static final String OMG_CLUBHOUSES = "omg-clubhouses";

  private final Map<String, Supplier<List<Geometry>>> registers = new LinkedHashMap<>();
  private final RiskFactorPointRepository imported;

  RiskFactorLayers(HempSiteRepository hempSites, HolidayParkRepository holidayParks,
      OmgClubhouseRepository clubhouses, RiskFactorPointRepository imported) {
    this.imported = imported;
    registers.put(HEMP_SITES, () -> geometries(hempSites.findAll()));
    registers.put(HOLIDAY_PARKS, () -> geometries(holidayParks.findAll()));
    registers.put(OMG_CLUBHOUSES, () -> geometries(clubhouses.findAll()));
  }

  /** The names of the layers there are, the registers first, then the imported layers by name. */
  public List<String> names() {
    List<String> names = new ArrayList<>(registers.keySet());
    names.addAll(imported.layers());
    return names;
  }

  /** The locations of the named layers, in the order asked; null for a name that is no layer. */
  public Map<String, List<Geometry>> locations(List<String> names) {
    Map<String, List<Geometry>> locations = new LinkedHashMap<>();
    for (String name : names) {
      Supplier<List<Geometry>> register = registers.get(name);
      List<Geometry> found = register != null ? register.get()
          : imported.findByLayerOrderBySourceId(name).stream().<Geometry>map(RiskFactorPointEntity::getGeometry).toList();
      // an imported layer exists while it has points
      locations.put(name, register == null && found.isEmpty() ? null : found);
    }
    return locations;
  }

  private static List<Geometry> geometries(List<? extends RiskLocationEntity<?, ?>> entities) {
    return entities.stream().<Geometry>map(RiskLocationEntity::getGeometry).toList();
  }
}
