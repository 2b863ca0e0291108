package nl.veiligheidskaart.service.maptiles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.Supplier;
import nl.veiligheidskaart.service.config.VeiligheidskaartProperties;
import nl.veiligheidskaart.service.store.DataChangedEvent;
import nl.veiligheidskaart.tiles.geo.TileCoordinate;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Rendered tiles (MVT and PNG) kept in memory, bounded in bytes and time, and cleared as soon as
 * an import changed the data behind the layers.
 */
@Component
class TileCache {

  /**
   * Everything a tile's bytes depend on: the audience, because suppression and scope depend on the
   * role; {@code style} is the choropleth measure and pixel ratio, or empty.
   */
  record Key(MapLayerId layer, String format, TileCoordinate tile, MapLayerFilter filter, String style,
      MapAudience audience) {
  }

  private final Cache<Key, RenderedTile> tiles;

  TileCache(VeiligheidskaartProperties properties) {
    VeiligheidskaartProperties.Tiles settings = properties.tiles();
    this.tiles = Caffeine.newBuilder().maximumWeight((long) settings.cacheMegabytes() << 20)
        .<Key, RenderedTile>weigher((key, tile) -> tile.weight())
        .expireAfterWrite(Duration.ofSeconds(settings.cacheSeconds())).build();
  }

  RenderedTile get(Key key, Supplier<byte[]> render) {
    return tiles.get(key, k -> RenderedTile.of(render.get(), k.format().equals("mvt")));
  }

  @EventListener
  void dataChanged(DataChangedEvent event) {
    tiles.invalidateAll();
  }
}
