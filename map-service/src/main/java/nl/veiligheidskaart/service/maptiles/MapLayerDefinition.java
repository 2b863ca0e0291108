package nl.veiligheidskaart.service.maptiles;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.tiles.geo.MatrixTile;
import nl.veiligheidskaart.tiles.geo.TileMatrixSet;
import nl.veiligheidskaart.tiles.mvt.VectorTileEncoder.TileLayer;
import nl.veiligheidskaart.tiles.mvt.VectorTileEncoder;
import nl.veiligheidskaart.tiles.render.MapLayer;
import nl.veiligheidskaart.tiles.render.MapStyle.Legend;
import nl.veiligheidskaart.tiles.render.Viewport;
import org.locationtech.jts.geom.Envelope;

/**
 * One map layer of the service, declared in one class: its id and Dutch title, who may see it,
 * what it draws (PNG tiles and snapshot maps), its legend, and its vector tiles with their schema.
 * The {@link MapLayerCatalogue} lists the layers; raster and vector tiles, TileJSON, OGC API - Tiles,
 * snapshots and the viewer's layer list all take them from there. Adding a layer is adding one
 * Spring component that extends this class (its {@code @Order} places it in the list).
 */
public abstract class MapLayerDefinition {

  /** Who may see a layer. */
  public enum Audience {
    /** Aggregates, passed through the reader's disclosure policy: every role that sees incident figures. */
    EVERY_ROLE,
    /** Raw data or analyses of raw data: analysts only. */
    ANALYSTS
  }

  private final String id;
  private final String title;
  private final Audience audience;

  /**
   * @param id the id in URLs and in the viewer's state
   * @param title the Dutch title the viewer, legends, snapshots and OGC documents show
   */
  protected MapLayerDefinition(String id, String title, Audience audience) {
    this.id = id;
    this.title = title;
    this.audience = audience;
  }

  public final String id() {
    return id;
  }

  public final String title() {
    return title;
  }

  public final boolean analystsOnly() {
    return audience == Audience.ANALYSTS;
  }

  /** Whether the reader may see this layer: never a role that sees no incident figures (ADMIN). */
  public final boolean visibleTo(DisclosurePolicy policy) {
    return policy.seesIncidentFigures() && (!analystsOnly() || policy.exact());
  }

  /** @throws org.springframework.security.access.AccessDeniedException when the reader may not see this layer */
  public final void requireVisibleTo(DisclosurePolicy policy) {
    if (analystsOnly()) {
      policy.requireRawData("The layer '" + id + "'");
    }
  }

  /** What the layer draws over a viewport, in the viewport's CRS: PNG tiles and snapshots alike. */
  public abstract List<MapLayer> draw(Viewport viewport, MapLayerRequest request);

  /** The legend as this reader sees it (suppressed classes only where they occur for the reader). */
  public abstract Legend legend(MapLayerRequest request);

  /**
   * What besides the filter, the reader and the tile a tile's bytes depend on (the choropleth's
   * measure); part of the tile cache's key and entity tag.
   */
  public String style(MapLayerRequest request) {
    return "";
  }

  /** Whether the layer has vector tiles; the heatmap is a raster surface only. */
  public boolean hasVectorTiles() {
    return true;
  }

  /**
   * The MVT layers in this layer's vector tiles of a tile matrix set, as this reader gets them, with
   * the levels they appear at; empty without vector tiles.
   */
  public abstract List<VectorLayer> vectorLayers(DisclosurePolicy policy, TileMatrixSet set);

  /** The MVT layers of one vector tile, geometries in the tile's CRS. */
  public abstract List<TileLayer> vectorTile(MatrixTile tile, MapLayerRequest request);

  /**
   * The part of the world a vector tile's features may come from: the tile with the encoder's buffer
   * around it, and half a unit for rounding.
   */
  protected static Envelope vectorTileExtent(MatrixTile tile) {
    Envelope extent = new Envelope(tile.bounds());
    extent.expandBy(tile.bounds().getWidth() * (VectorTileEncoder.BUFFER + 0.5) / VectorTileEncoder.EXTENT);
    return extent;
  }

  /**
   * The Web Mercator zoom from which this reader's tiles of the layer show single raw points where
   * coarser tiles show aggregates (the incidents, for analysts); empty where they never do.
   */
  public OptionalInt rawPointsFromZoom(DisclosurePolicy policy) {
    return OptionalInt.empty();
  }

  /** A line for a snapshot's notes that says how to read this layer, if the legend does not. */
  public Optional<String> snapshotNote(MapLayerRequest request) {
    return Optional.empty();
  }
}
