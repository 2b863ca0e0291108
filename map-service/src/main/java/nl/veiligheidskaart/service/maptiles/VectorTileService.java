package nl.veiligheidskaart.service.maptiles;

import nl.veiligheidskaart.tiles.geo.MatrixTile;
import nl.veiligheidskaart.tiles.mvt.VectorTileEncoder;
import org.springframework.stereotype.Service;

/**
 * Vector tiles (MVT) of the map layers in Web Mercator or RD New tiles, each layer's MVT layers as
 * its {@link MapLayerDefinition} makes them for the reader, cached.
 */
@Service
public class VectorTileService {

  private final TileCache cache;

  VectorTileService(TileCache cache) {
    this.cache = cache;
  }

  /**
   * @throws IllegalArgumentException for a layer without vector tiles (the heatmap)
   * @throws org.springframework.security.access.AccessDeniedException for a layer the reader may not see
   */
  public RenderedTile tile(MapLayerDefinition layer, MatrixTile tile, MapLayerRequest request) {
    if (!layer.hasVectorTiles()) {
      throw new IllegalArgumentException("The layer '" + layer.id() + "' has no vector tiles");
    }
    layer.requireVisibleTo(request.policy());
    return cache.get(new TileCache.Key(layer.id(), "mvt", tile, request.filter(), layer.style(request),
        request.policy()), () -> VectorTileEncoder.encode(tile.bounds(), layer.vectorTile(tile, request)));
  }
}
