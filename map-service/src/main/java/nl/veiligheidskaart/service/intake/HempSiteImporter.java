package nl.veiligheidskaart.service.intake;

import java.time.LocalDate;
import java.util.List;
import nl.veiligheidskaart.service.store.HempSiteAttributes;
import nl.veiligheidskaart.service.store.HempSiteEntity;
import nl.veiligheidskaart.service.store.HempSiteRepository;
import nl.veiligheidskaart.service.store.HempSiteType;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Service;

/** Imports lists of dismantled hemp plantations (CSV, see docs/import-formats.md). */
@Service
class HempSiteImporter extends RiskLocationImporter<Point, HempSiteAttributes, HempSiteEntity> {

  /** Far above the largest plantations found (tens of thousands of plants): a typo, not a site. */
  private static final long MAX_PLANTS = 1_000_000;

  HempSiteImporter(HempSiteRepository sites, Placements placements, ImportTransactions transactions) {
    super("hemp-sites", List.of("source_id", "found_on", "site_type"), sites, HempSiteEntity::new, placements,
        transactions);
  }

  @Override
  protected RiskLocationRow<Point, HempSiteAttributes> check(RowCheck check, ImportRun<?> run,
      LocationColumns location, Placement placement) {
    String sourceId = check.text("source_id", true, 255);
    run.uniqueSourceId(check, sourceId);
    LocalDate foundOn = check.date("found_on", true);
    LocalDate dismantledOn = check.date("dismantled_on", false);
    if (foundOn != null && dismantledOn != null && dismantledOn.isBefore(foundOn)) {
      check.fail("dismantled_on", "dismantled_on " + dismantledOn + " lies before found_on " + foundOn);
    }
    Long plantCount = check.wholeNumber("plant_count", false, 0);
    if (plantCount != null && plantCount > MAX_PLANTS) {
      check.fail("plant_count", "plant_count " + plantCount + " is not a plausible number of plants");
    }
    HempSiteType siteType = check.choice("site_type", HempSiteType.class, true);
    Boolean fireHazard = check.bool("fire_hazard", false);
    String intervention = check.text("intervention", false, 255);
    String source = check.text("source", false, 255);
    Boolean demo = check.bool("demo", false);
    Coordinate point = PointLocation.read(check, location);
    String municipality = point == null ? null : placement.municipality(check, PointLocation.column(location), point);
    return check.ok() ? new RiskLocationRow<>(sourceId, PointLocation.RD_NEW.createPoint(point),
        new HempSiteAttributes(foundOn, dismantledOn, plantCount == null ? null : plantCount.intValue(), siteType,
            fireHazard, intervention, source), municipality, demo) : null;
  }

}
