package nl.veiligheidskaart.geodata.boundary;

import java.util.Objects;
import nl.veiligheidskaart.geodata.crs.Crs;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;

/**
 * The boundary of one municipality in one vintage (municipal mergers change boundaries every year).
 *
 * @param code canonical CBS code, e.g. {@code GM0200}
 * @param geometry Polygon or MultiPolygon in RD New (EPSG:28992), SRID 28992
 * @param validFromYear the first year (1 January) this boundary is valid for
 */
public record MunicipalityBoundary(String code, Geometry geometry, int validFromYear) {

  public MunicipalityBoundary {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(geometry, "geometry");
    if (!(geometry instanceof Polygonal)) {
      throw new IllegalArgumentException("Boundary of " + code + " must be a Polygon or"
          + " MultiPolygon, was " + geometry.getGeometryType());
    }
    if (geometry.getSRID() != Crs.RD_NEW.epsg()) {
      throw new IllegalArgumentException("Boundary of " + code + " must be in EPSG:28992 (SRID "
          + Crs.RD_NEW.epsg() + "), has SRID " + geometry.getSRID());
    }
  }
}
