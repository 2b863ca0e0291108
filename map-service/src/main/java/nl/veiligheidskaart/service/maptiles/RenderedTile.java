package nl.veiligheidskaart.service.maptiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * A rendered tile: its bytes, its entity tag, and for vector tiles
 * a gzipped form, made on the first request that takes gzip and kept with the tile (MVT of points
 * and cells shrinks by half or more, outlines by a third; PNG is compressed already).
 */
public final class RenderedTile {

  private final byte[] bytes;
  private final boolean compressible;
  private final String etag;
  private volatile byte[] gzipped;

  RenderedTile(byte[] bytes, boolean compressible, String etag) {
    this.bytes = bytes;
    this.compressible = compressible;
    this.etag = etag;
  }

  public byte[] bytes() {
    return bytes;
  }

  public String etag() {
    return etag;
  }

  public boolean compressible() {
    return compressible;
  }

  /** The bytes gzipped; only for compressible tiles. */
  public byte[] gzipped() {
    byte[] known = gzipped;
    if (known == null) {
      known = gzip(bytes);
      gzipped = known;
    }
    return known;
  }

  /** The tag of the gzipped bytes: another representation, so another tag (RFC 9110, 8.8.3). */
  public String gzippedEtag() {
    return etag.substring(0, etag.length() - 1) + "-gzip\"";
  }

  /** The memory the tile takes in the cache, roughly. */
  int weight() {
    byte[] known = gzipped;
    return bytes.length + (known == null ? bytes.length / 3 : known.length) + 300;
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
      {
        // The fastest level: most of the gain at a fraction of the time, which counts for uncached tiles.
        def.setLevel(Deflater.BEST_SPEED);
      }
    }) {
      gzip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
