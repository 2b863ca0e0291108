package nl.veiligheidskaart.service.api;

/** What the browser viewer needs to start: its basemap and who is signed in. */
public record ViewerConfig(Basemap basemap, UserAccount user) {

  /** @param url XYZ template, or null when the deployment has no basemap */
  public record Basemap(String url, String attribution) {
  }
}
