package nl.veiligheidskaart.service.maptiles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import nl.veiligheidskaart.service.config.VeiligheidskaartProperties;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.service.store.DataChangedEvent;
import nl.veiligheidskaart.tiles.geo.MatrixTile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Rendered tiles (MVT and PNG) kept in memory, bounded in bytes and time, and cleared as soon as
 * an import changed the data behind the layers. A tile's bytes follow from its key and the data,
 * so its entity tag is the key's digest with this instance's data generation: no hashing of bytes.
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
  /** Tells this instance's generations from another's (or an earlier run's) in entity tags. */
  private final String instance = HexFormat.of().formatHex(SecureRandom.getSeed(4));
  private final AtomicLong generation = new AtomicLong();

  TileCache(VeiligheidskaartProperties properties) {
    VeiligheidskaartProperties.Tiles settings = properties.tiles();
    this.tiles = Caffeine.newBuilder().maximumWeight((long) settings.cacheMegabytes() << 20)
        .<Key, RenderedTile>weigher((key, tile) -> tile.weight())
        .expireAfterWrite(Duration.ofSeconds(settings.cacheSeconds())).build();
  }

  RenderedTile get(Key key, Supplier<byte[]> render) {
    return tiles.get(key, k -> {
      String etag = "\"" + digest(k) + "-" + instance + "-" + generation.get() + "\"";
      return new RenderedTile(render.get(), k.format().equals("mvt"), etag);
    });
  }

  @EventListener
  void dataChanged(DataChangedEvent event) {
    generation.incrementAndGet();
    tiles.invalidateAll();
  }

  private static String digest(Key key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
