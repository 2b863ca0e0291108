package nl.veiligheidskaart.service.maptiles;

import java.util.Arrays;
import java.util.Optional;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;

/** The map layers served as tiles: which formats each has and who may see it (DESIGN.md, privacy). */
public enum MapLayerId {
  MUNICIPALITIES("municipalities", "Gemeenten", true, true, false),
  INCIDENTS("incidents", "Incidenten", true, true, false),
  HEATMAP("heatmap", "Heatmap (dichtheid)", true, false, true),
  HOTSPOTS("hotspots", "Hotspots (Gi*)", true, true, true),
  HEMP_SITES("hemp-sites", "Hennepkwekerijen", true, true, true),
  HOLIDAY_PARKS("holiday-parks", "Vakantieparken", true, true, true),
  OMG_CLUBHOUSES("omg-clubhouses", "Clubhuizen OMG", true, true, true);

  private final String id;
  private final String title;
  private final boolean raster;
  private final boolean vector;
  private final boolean analystsOnly;

  MapLayerId(String id, String title, boolean raster, boolean vector, boolean analystsOnly) {
    this.id = id;
    this.title = title;
    this.raster = raster;
    this.vector = vector;
    this.analystsOnly = analystsOnly;
  }

  public String id() {
    return id;
  }

  /** The Dutch title the viewer and snapshots show. */
  public String title() {
    return title;
  }

  public boolean raster() {
    return raster;
  }

  public boolean vector() {
    return vector;
  }

  /** Raw data or analyses of raw data: analysts only. The others are aggregates for every role. */
  public boolean analystsOnly() {
    return analystsOnly;
  }

  /** @throws org.springframework.security.access.AccessDeniedException when the reader may not see this layer */
  public void requireVisibleTo(DisclosurePolicy policy) {
    if (analystsOnly) {
      policy.requireRawData("The layer '" + id + "'");
    }
  }

  public static Optional<MapLayerId> of(String id) {
    return Arrays.stream(values()).filter(layer -> layer.id.equals(id)).findFirst();
  }
}
