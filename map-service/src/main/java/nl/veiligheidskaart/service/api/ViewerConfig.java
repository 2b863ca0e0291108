package nl.veiligheidskaart.service.api;

import java.util.List;

/**
 * What the browser viewer needs to start: its basemap and address search, who is signed in, the
 * incident categories, the map layers this account may see, below which count aggregates are not
 * shown to it (null for analysts, who also choose periods freely), and whether the store holds
 * demonstration data (the viewer then says so on every screen).
 */
public record ViewerConfig(Basemap basemap, Geocoder geocoder, UserAccount user, List<Category> categories,
    List<Layer> layers, Integer minimumCount, boolean demoData) {

  /** @param url XYZ template, or null when the deployment has no basemap */
  public record Basemap(String url, String attribution) {
  }

  /** @param url a PDOK Locatieserver "free" search endpoint, or null when there is no address search */
  public record Geocoder(String url) {
  }

  public record Category(String code, String label) {
  }

  /** A map layer: its id in tile URLs, its Dutch title, and whether it has vector tiles. */
  public record Layer(String id, String title, boolean vector) {
  }
}
