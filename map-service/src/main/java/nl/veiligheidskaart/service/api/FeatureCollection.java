package nl.veiligheidskaart.service.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.veiligheidskaart.geodata.crs.Crs;

/**
 * A GeoJSON FeatureCollection. RFC 7946 has no CRS member and means CRS84; for any other CRS the
 * legacy {@code crs} member is added, which GDAL, QGIS and ArcGIS read.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeatureCollection(String type, Map<String, Object> crs, List<Feature> features) {

  public static FeatureCollection of(List<Feature> features, Crs crs) {
    return new FeatureCollection("FeatureCollection", crsMember(crs), features);
  }

  /**
   * The legacy GeoJSON 2008 {@code crs} member, or null for CRS84 (the RFC 7946 default); its
   * members in the order of that specification, the same in every answer.
   */
  public static Map<String, Object> crsMember(Crs crs) {
    if (crs == Crs.WGS84) {
      return null;
    }
    Map<String, Object> member = new LinkedHashMap<>();
    member.put("type", "name");
    member.put("properties", Map.of("name", "urn:ogc:def:crs:EPSG::" + crs.epsg()));
    return member;
  }
}
