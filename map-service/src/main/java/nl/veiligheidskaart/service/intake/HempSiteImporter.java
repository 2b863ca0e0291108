package nl.veiligheidskaart.service.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import nl.veiligheidskaart.service.api.ImportReport;
import nl.veiligheidskaart.service.store.HempSiteAttributes;
import nl.veiligheidskaart.service.store.HempSiteEntity;
import nl.veiligheidskaart.service.store.HempSiteRepository;
import nl.veiligheidskaart.service.store.HempSiteType;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Service;

/** Imports lists of dismantled hemp plantations (CSV, see docs/import-formats.md). */
@Service
class HempSiteImporter implements LayerImporter {

  /** Far above the largest plantations found (tens of thousands of plants): a typo, not a site. */
  private static final long MAX_PLANTS = 1_000_000;

  private final HempSiteRepository sites;
  private final Placements placements;
  private final ImportTransactions transactions;

  HempSiteImporter(HempSiteRepository sites, Placements placements, ImportTransactions transactions) {
    this.sites = sites;
    this.placements = placements;
    this.transactions = transactions;
  }

  @Override
  public String layer() {
    return "hemp-sites";
  }

  @Override
  public ImportReport importFile(Path file, String fileName, ImportMode mode, ImportProgress progress) {
    Placement placement = placements.newest();
    return transactions.<RiskLocationRow<Point, HempSiteAttributes>>run(layer(), mode,
        ImportRun.MAX_RISK_LOCATIONS, run -> {
      try (InputStream in = new ProgressInputStream(Files.newInputStream(file), progress);
          CsvRows rows = new CsvRows(in)) {
        rows.require("source_id", "found_on", "site_type");
        LocationColumns location = LocationColumns.of(rows.header());
        while (rows.hasNext()) {
          run.offer(rows.next(), check -> hempSite(check, run, location, placement),
              row -> row.storeIn(sites, HempSiteEntity::new));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private RiskLocationRow<Point, HempSiteAttributes> hempSite(RowCheck check,
      ImportRun<RiskLocationRow<Point, HempSiteAttributes>> run, LocationColumns location, Placement placement) {
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
    Coordinate point = location.read(check);
    String municipality = point == null ? null : placement.municipality(check, location.column(), point);
    return check.ok() ? new RiskLocationRow<>(sourceId, PointLocation.RD_NEW.createPoint(point),
        new HempSiteAttributes(foundOn, dismantledOn, plantCount == null ? null : plantCount.intValue(), siteType,
            fireHazard, intervention, source), municipality, demo) : null;
  }

}
