package nl.veiligheidskaart.service.maptiles;

import nl.veiligheidskaart.tiles.geo.MatrixTile;
import nl.veiligheidskaart.tiles.render.MapRenderer;
import nl.veiligheidskaart.tiles.render.Viewport;
import org.springframework.stereotype.Service;

/**
 * PNG tiles of every map layer in Web Mercator or RD New tiles, drawn by the one map renderer (256
 * pixels, or 512 for {@code @2x}) from what the layer's {@link MapLayerDefinition} draws, cached.
 */
@Service
public class RasterTileService {

  private final TileCache cache;

  RasterTileService(TileCache cache) {
    this.cache = cache;
  }

  /**
   * @param pixelRatio 1 or 2
   * @throws org.springframework.security.access.AccessDeniedException for a layer the reader may not see
   */
  public RenderedTile tile(MapLayerDefinition layer, MatrixTile tile, int pixelRatio, MapLayerRequest request) {
    layer.requireVisibleTo(request.policy());
    return cache.get(new TileCache.Key(layer.id(), "png", tile, request.filter(),
        layer.style(request) + "@" + pixelRatio, request.policy()), () -> {
          Viewport viewport = Viewport.ofTile(tile, pixelRatio);
          return MapRenderer.png(MapRenderer.render(viewport, layer.draw(viewport, request)));
        });
  }
}
