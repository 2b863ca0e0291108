package nl.veiligheidskaart.service.maptiles;

import org.springframework.security.access.AccessDeniedException;

/** Who may see which layer: raw data and analyses of it are for analysts only (DESIGN.md, privacy). */
public final class TileAccess {

  private TileAccess() {
  }

  public static void check(MapLayerId layer, MapAudience audience) {
    if (layer.analystsOnly() && !audience.analyst()) {
      throw new AccessDeniedException("The layer '" + layer.id() + "' shows raw data or an analysis of it: "
          + "analysts only.");
    }
  }
}
