package nl.veiligheidskaart.service.intake;

import java.util.List;
import nl.veiligheidskaart.service.store.HolidayParkAttributes;
import nl.veiligheidskaart.service.store.HolidayParkEntity;
import nl.veiligheidskaart.service.store.HolidayParkRepository;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.springframework.stereotype.Service;

/** Imports holiday parks: polygons from GeoJSON or GeoPackage, with their misuse signals. */
@Service
class HolidayParkImporter extends RiskLocationImporter<MultiPolygon, HolidayParkAttributes, HolidayParkEntity> {

  /** A repair may change the area by this fraction at most; more means the outline was ambiguous. */
  static final double MAX_REPAIR_AREA_CHANGE = 0.01;

  HolidayParkImporter(HolidayParkRepository parks, Placements placements, ImportTransactions transactions) {
    super("holiday-parks", List.of(), parks, HolidayParkEntity::new, placements,
        transactions);
  }

  @Override
  protected RiskLocationRow<MultiPolygon, HolidayParkAttributes> check(RowCheck check, ImportRun<?> run,
      LocationColumns location, Placement placement) {
    String sourceId = check.text("source_id", true, 255);
    run.uniqueSourceId(check, sourceId);
    String name = check.text("name", true, 255);
    Long units = check.wholeNumber("units", false, 0);
    Boolean permanentResidence = check.bool("permanent_residence", false);
    Boolean subversionSignals = check.bool("subversion_signals", false);
    Boolean demo = check.bool("demo", false);
    MultiPolygon outline = outline(check, run);
    String municipality = outline == null ? null
        : placement.municipality(check, "geometry", outline.getInteriorPoint().getCoordinate());
    return check.ok() ? new RiskLocationRow<>(sourceId, outline, new HolidayParkAttributes(name,
        units == null ? null : Math.toIntExact(Math.min(units, Integer.MAX_VALUE)), permanentResidence,
        subversionSignals), municipality, demo) : null;
  }

  /** The outline as a valid MultiPolygon; invalid outlines are repaired only when the repair is unambiguous. */
  private static MultiPolygon outline(RowCheck check, ImportRun<?> run) {
    Geometry geometry = check.row().geometry();
    if (!(geometry instanceof Polygonal) || geometry.isEmpty()) {
      check.fail("geometry", geometry == null ? "the feature has no geometry"
          : "the geometry is a " + geometry.getGeometryType() + "; a holiday park is a Polygon or MultiPolygon");
      return null;
    }
    IsValidOp validity = new IsValidOp(geometry);
    if (!validity.isValid()) {
      Geometry repaired = GeometryFixer.fix(geometry);
      double change = Math.abs(repaired.getArea() - Math.abs(shellArea(geometry))) / repaired.getArea();
      if (!(repaired instanceof Polygonal) || repaired.isEmpty() || !(change <= MAX_REPAIR_AREA_CHANGE)) {
        check.fail("geometry", "the polygon is invalid (" + validity.getValidationError().getMessage()
            + ") and no repair keeps its area; correct the outline");
        return null;
      }
      run.warn(check.row().line(), "geometry", "the polygon was invalid (" + validity.getValidationError().getMessage()
          + ") and has been repaired; its area changed by " + String.format(java.util.Locale.ROOT, "%.2f", change * 100)
          + " %");
      geometry = repaired;
    }
    MultiPolygon multi = geometry instanceof MultiPolygon m ? m
        : geometry.getFactory().createMultiPolygon(new Polygon[] {(Polygon) geometry});
    multi.setSRID(28992);
    return multi;
  }

  /** The area the outline was meant to enclose: its shells' areas, which a self-intersection does not change. */
  private static double shellArea(Geometry geometry) {
    double area = 0;
    for (int i = 0; i < geometry.getNumGeometries(); i++) {
      Polygon polygon = (Polygon) geometry.getGeometryN(i);
      area += polygon.getFactory().createPolygon(polygon.getExteriorRing().getCoordinateSequence()).getArea();
    }
    return area;
  }

}
