package nl.veiligheidskaart.service.maptiles;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.service.api.Feature;
import nl.veiligheidskaart.service.api.FeatureCollection;
import nl.veiligheidskaart.service.geography.GeographyService;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Component;

/**
 * The municipalities as the map layers draw them: outlines in Web Mercator and RD New, with name,
 * district and area. Boundaries are loaded once at start-up, so they are transformed once, on first use.
 */
@Component
public class MapGeography {

  /** One municipality; the area is measured in RD New, in km². */
  public record MapMunicipality(String code, String name, String district, Geometry mercator, Geometry rd,
      double areaKm2) {

    /** The outline in the CRS a map is drawn in (Web Mercator or RD New). */
    public Geometry outline(Crs crs) {
      return switch (crs) {
        case WEB_MERCATOR -> mercator;
        case RD_NEW -> rd;
        case WGS84 -> throw new IllegalArgumentException("maps are drawn in RD New or Web Mercator, not " + crs);
      };
    }
  }

  private final GeographyService geography;
  private volatile List<MapMunicipality> municipalities;

  MapGeography(GeographyService geography) {
    this.geography = geography;
  }

  public List<MapMunicipality> municipalities() {
    List<MapMunicipality> known = municipalities;
    if (known == null) {
      Map<String, Geometry> rd = new HashMap<>();
      for (Feature feature : geography.municipalities(Crs.RD_NEW).features()) {
        rd.put(feature.id(), feature.geometry());
      }
      FeatureCollection mercator = geography.municipalities(Crs.WEB_MERCATOR);
      known = mercator.features().stream().filter(f -> f.geometry() != null)
          .map(f -> new MapMunicipality(f.id(), (String) f.properties().get("name"),
              (String) f.properties().get("district"), f.geometry(), rd.get(f.id()), rd.get(f.id()).getArea() / 1e6))
          .toList();
      if (!known.isEmpty()) {
        municipalities = known;
      }
    }
    return known;
  }
}
