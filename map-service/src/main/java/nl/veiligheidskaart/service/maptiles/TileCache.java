package nl.veiligheidskaart.service.maptiles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Supplier;
import nl.veiligheidskaart.service.config.VeiligheidskaartProperties;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.service.store.DataChangedEvent;
import nl.veiligheidskaart.tiles.geo.MatrixTile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Rendered tiles (MVT and PNG) kept in memory, bounded in bytes and time, and cleared as soon as
 * an import changed the data behind the layers, in this replica or another. A tile's entity tag is
 * the digest of its bytes: equal tiles have equal tags in every replica and after every restart,
 * so a browser cache or a CDN in front of several replicas keeps what it has. Hashing a tile of
 * some tens of kilobytes takes well under a millisecond, once per rendering.
 */
@Component
class TileCache {

  /**
   * Everything a tile's bytes depend on: the disclosure policy, because suppression, rounding and
   * scope depend on the reader; {@code style} is the choropleth measure and pixel ratio, or empty.
   */
  record Key(String layer, String format, MatrixTile tile, MapLayerFilter filter, String style,
      DisclosurePolicy policy) {
  }

  private final Cache<Key, RenderedTile> tiles;

  TileCache(VeiligheidskaartProperties properties) {
    VeiligheidskaartProperties.Tiles settings = properties.tiles();
    this.tiles = Caffeine.newBuilder().maximumWeight((long) settings.cacheMegabytes() << 20)
        .<Key, RenderedTile>weigher((key, tile) -> tile.weight())
        .expireAfterWrite(Duration.ofSeconds(settings.cacheSeconds())).build();
  }

  RenderedTile get(Key key, Supplier<byte[]> render) {
    return tiles.get(key, k -> {
      byte[] bytes = render.get();
      return new RenderedTile(bytes, k.format().equals("mvt"), "\"" + digest(bytes) + "\"");
    });
  }

  @EventListener
  void dataChanged(DataChangedEvent event) {
    tiles.invalidateAll();
  }

  private static String digest(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
