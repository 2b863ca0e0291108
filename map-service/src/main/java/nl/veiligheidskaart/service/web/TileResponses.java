package nl.veiligheidskaart.service.web;

import java.time.Duration;
import nl.veiligheidskaart.service.maptiles.RenderedTile;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * How a rendered tile goes out, from the XYZ and the OGC API - Tiles paths alike: an entity tag of
 * its content, kept a minute by the browser only (tiles depend on the account, so never by shared
 * caches), gzipped when the client takes it.
 */
final class TileResponses {

  static final MediaType MVT = MediaType.parseMediaType("application/vnd.mapbox-vector-tile");
  private static final CacheControl PRIVATE_MINUTE = CacheControl.maxAge(Duration.ofMinutes(1)).cachePrivate();

  private TileResponses() {
  }

  /** The tile, gzipped when it has a gzipped form and the client takes it; 304 when the client has it already. */
  static ResponseEntity<byte[]> respond(RenderedTile tile, MediaType type, String ifNoneMatch,
      String acceptEncoding) {
    boolean gzip = tile.compressible() && acceptEncoding != null && acceptEncoding.contains("gzip");
    String etag = gzip ? tile.gzippedEtag() : tile.etag();
    if (etag.equals(ifNoneMatch)) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(PRIVATE_MINUTE)
          .varyBy(HttpHeaders.ACCEPT_ENCODING).build();
    }
    ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(type).eTag(etag).cacheControl(PRIVATE_MINUTE)
        .varyBy(HttpHeaders.ACCEPT_ENCODING);
    return gzip ? response.header(HttpHeaders.CONTENT_ENCODING, "gzip").body(tile.gzipped())
        : response.body(tile.bytes());
  }
}
