package nl.veiligheidskaart.service.web;

import java.util.function.Function;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.service.api.FeatureCollection;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.audit.AuditFacts;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/** The {@code crs} query parameter of GeoJSON endpoints: CRS84 unless another CRS is asked for. */
final class CrsParameter {

  private CrsParameter() {
  }

  static Crs parse(String value) {
    if (value == null || value.isBlank()) {
      return Crs.WGS84;
    }
    try {
      return Crs.parse(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("crs", e.getMessage());
    }
  }

  /** A GeoJSON answer in the CRS the request asks for, with its Content-Crs header. */
  static <T> ResponseEntity<T> geoJson(String crs, Function<Crs, T> body) {
    Crs outputCrs = parse(crs);
    T answer = body.apply(outputCrs);
    if (answer instanceof FeatureCollection collection) {
      AuditFacts.rows(collection.features().size());
    }
    return ResponseEntity.ok().headers(contentCrs(outputCrs)).body(answer);
  }

  /** The {@code Content-Crs} header of OGC API Features Part 2, so clients know what they got. */
  static HttpHeaders contentCrs(Crs crs) {
    HttpHeaders headers = new HttpHeaders();
    headers.set("Content-Crs", "<" + crs.uri() + ">");
    return headers;
  }
}
