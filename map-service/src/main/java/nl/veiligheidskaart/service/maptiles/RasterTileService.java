package nl.veiligheidskaart.service.maptiles;

import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.tiles.geo.MatrixTile;
import nl.veiligheidskaart.tiles.render.MapRenderer;
import nl.veiligheidskaart.tiles.render.Viewport;
import org.springframework.stereotype.Service;

/**
 * PNG tiles of every map layer in Web Mercator or RD New tiles, drawn by the one map renderer (256
 * pixels, or 512 for {@code @2x}).
 */
@Service
public class RasterTileService {

  private final MapLayerComposer composer;
  private final TileCache cache;

  RasterTileService(MapLayerComposer composer, TileCache cache) {
    this.composer = composer;
    this.cache = cache;
  }

  /**
   * @param pixelRatio 1 or 2
   * @throws org.springframework.security.access.AccessDeniedException for a layer the reader may not see
   */
  public RenderedTile tile(MapLayerId layer, MatrixTile tile, int pixelRatio, MapLayerFilter filter,
      ChoroplethMeasure measure, DisclosurePolicy policy) {
    layer.requireVisibleTo(policy);
    String style = (layer == MapLayerId.MUNICIPALITIES ? measure.wireName() : "") + "@" + pixelRatio;
    return cache.get(new TileCache.Key(layer, "png", tile, filter, style, policy), () -> {
      Viewport viewport = Viewport.ofTile(tile, pixelRatio);
      return MapRenderer.png(MapRenderer.render(viewport, composer.draw(layer, viewport, filter, measure,
          policy)));
    });
  }
}
