package nl.veiligheidskaart.service.web;

import nl.veiligheidskaart.geodata.crs.Crs;
import org.springframework.http.HttpHeaders;

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

  /** The {@code Content-Crs} header of OGC API Features Part 2, so clients know what they got. */
  static HttpHeaders contentCrs(Crs crs) {
    HttpHeaders headers = new HttpHeaders();
    headers.set("Content-Crs", "<" + crs.uri() + ">");
    return headers;
  }
}
