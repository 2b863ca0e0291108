package nl.veiligheidskaart.service.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service's own settings (prefix {@code veiligheidskaart}).
 *
 * @param dataDir where the embedded database and the initial credentials live
 * @param geodataDir where official boundary files (CBS/PDOK GeoJSON or GeoPackage) are looked for
 * @param boundaryVintage the vintage year assumed when a boundary file does not say which it is
 * @param basemap the background map of the viewer
 */
@ConfigurationProperties("veiligheidskaart")
public record VeiligheidskaartProperties(
    @DefaultValue("./data") Path dataDir,
    @DefaultValue("../shared/geodata") Path geodataDir,
    @DefaultValue("2019") int boundaryVintage,
    @DefaultValue Basemap basemap) {

  /**
   * @param url an XYZ tile URL template in Web Mercator; empty for no basemap (offline use)
   * @param attribution shown in the map corner, HTML allowed as in Leaflet
   */
  public record Basemap(
      @DefaultValue("https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png")
      String url,
      @DefaultValue("Kaartgegevens &copy; <a href=\"https://www.kadaster.nl\">Kadaster</a>") String attribution) {

    public boolean enabled() {
      return url != null && !url.isBlank();
    }
  }
}
