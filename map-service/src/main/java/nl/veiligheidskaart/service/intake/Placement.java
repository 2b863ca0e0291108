package nl.veiligheidskaart.service.intake;

import nl.veiligheidskaart.geodata.locate.MunicipalityLocator;
import org.locationtech.jts.geom.Coordinate;

/** Puts a checked location in its municipality, or records that it lies outside Oost-Nederland. */
record Placement(MunicipalityLocator locator, double borderToleranceMetres) {

  /** The municipality code, or null after recording the error on {@code column}. */
  String municipality(RowCheck check, String column, Coordinate point) {
    String code = locator.municipalityAt(point, borderToleranceMetres).orElse(null);
    if (code == null) {
      check.fail(column, "the point (" + Math.round(point.x) + ", " + Math.round(point.y)
          + " in RD New) lies outside the municipalities of Oost-Nederland (more than "
          + Math.round(borderToleranceMetres) + " m from the nearest)");
    }
    return code;
  }
}
