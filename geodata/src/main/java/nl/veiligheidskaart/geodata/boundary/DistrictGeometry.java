package nl.veiligheidskaart.geodata.boundary;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import nl.veiligheidskaart.geodata.reference.Municipality;
import nl.veiligheidskaart.geodata.reference.ReferenceGeography;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * District areas, dissolved from their municipalities rather than read from a file: separately
 * published district or safety-region polygons are simplified on their own and differ from the
 * municipalities by up to a few kilometres, while a dissolve makes both nest exactly.
 */
public final class DistrictGeometry {

  private DistrictGeometry() {
  }

  /**
   * The union of {@code parts} (unary union), without the borders between them. The SRID is that
   * of the parts.
   *
   * @throws IllegalArgumentException if there are no parts
   */
  public static Geometry dissolve(Collection<Geometry> parts) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("Nothing to dissolve: no geometries given");
    }
    return UnaryUnionOp.union(parts);
  }

  /**
   * The area of each district that has boundaries in {@code boundaries}, by district code in
   * code order.
   *
   * @throws IllegalArgumentException if a boundary's code is not a municipality of {@code reference}
   */
  public static SortedMap<String, Geometry> byDistrict(Collection<MunicipalityBoundary> boundaries,
      ReferenceGeography reference) {
    Map<String, List<Geometry>> parts = new TreeMap<>();
    for (MunicipalityBoundary boundary : boundaries) {
      Municipality municipality = reference.municipality(boundary.code())
          .orElseThrow(() -> new IllegalArgumentException("Boundary " + boundary.code()
              + " is not a municipality of the reference geography"));
      parts.computeIfAbsent(municipality.districtCode(), code -> new ArrayList<>())
          .add(boundary.geometry());
    }
    SortedMap<String, Geometry> districts = new TreeMap<>();
    parts.forEach((code, geometries) -> districts.put(code, dissolve(geometries)));
    return districts;
  }
}
