package nl.veiligheidskaart.service.api;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * A GeoJSON Feature (RFC 7946). The geometry is written by the one geometry serializer of the
 * service, in the CRS it carries (its SRID).
 */
public record Feature(String type, String id, Geometry geometry, Map<String, Object> properties) {

  public static Feature of(String id, Geometry geometry, Map<String, Object> properties) {
    return new Feature("Feature", id, geometry, properties);
  }
}
