package nl.veiligheidskaart.service.api;

import java.util.List;

/**
 * What the browser viewer needs to start: its basemap and address search, who is signed in, the
 * incident categories, the map layers this account may see, how counts are shown to it, and
 * whether the store holds demonstration data (the viewer then says so on every screen).
 *
 * @param minimumCount below this count aggregates are not shown to the account; null for analysts,
 *     who see exact counts (and the only role whose periods need not be whole calendar months)
 * @param countsRoundedTo the base to which shown counts are rounded, null for analysts
 */
public record ViewerConfig(Basemap basemap, Geocoder geocoder, UserAccount user, List<Category> categories,
    List<Layer> layers, Integer minimumCount, Integer countsRoundedTo, boolean demoData) {

  /** @param url XYZ template, or null when the deployment has no basemap */
  public record Basemap(String url, String attribution) {
  }

  /** @param url a PDOK Locatieserver "free" search endpoint, or null when there is no address search */
  public record Geocoder(String url) {
  }

  public record Category(String code, String label) {
  }

  /**
   * A map layer: its id in tile URLs, its Dutch title, and whether it has vector tiles.
   *
   * @param rawPointsFromZoom the zoom from which its tiles show this account single incidents
   *     instead of counts per cell; null where they never do
   */
  public record Layer(String id, String title, boolean vector, Integer rawPointsFromZoom) {
  }
}
