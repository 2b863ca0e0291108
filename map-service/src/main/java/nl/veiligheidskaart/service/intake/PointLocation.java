package nl.veiligheidskaart.service.intake;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;

/** The location of a point row: the feature's Point geometry, or the location columns of a CSV. */
final class PointLocation {

  static final GeometryFactory RD_NEW = new GeometryFactory(new PrecisionModel(), 28992);

  private PointLocation() {
  }

  /** @param columns the CSV's location columns, or null for a feature file */
  static Coordinate read(RowCheck check, LocationColumns columns) {
    if (columns != null) {
      return columns.read(check);
    }
    if (check.row().geometry() instanceof Point point && !point.isEmpty()) {
      return point.getCoordinate();
    }
    check.fail("geometry", check.row().geometry() == null ? "the feature has no geometry"
        : "the geometry is a " + check.row().geometry().getGeometryType() + "; expected a Point");
    return null;
  }

  static String column(LocationColumns columns) {
    return columns == null ? "geometry" : columns.column();
  }
}
