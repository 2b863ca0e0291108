package nl.veiligheidskaart.service.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import nl.veiligheidskaart.service.api.ImportReport;
import nl.veiligheidskaart.service.store.ClubhouseStatus;
import nl.veiligheidskaart.service.store.OmgClubhouseAttributes;
import nl.veiligheidskaart.service.store.OmgClubhouseEntity;
import nl.veiligheidskaart.service.store.OmgClubhouseRepository;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Service;

/** Imports registers of outlaw motorcycle gang clubhouses (CSV or GeoJSON points). */
@Service
class OmgClubhouseImporter implements LayerImporter {

  private final OmgClubhouseRepository clubhouses;
  private final Placements placements;
  private final ImportTransactions transactions;

  OmgClubhouseImporter(OmgClubhouseRepository clubhouses, Placements placements, ImportTransactions transactions) {
    this.clubhouses = clubhouses;
    this.placements = placements;
    this.transactions = transactions;
  }

  @Override
  public String layer() {
    return "omg-clubhouses";
  }

  @Override
  public ImportReport importFile(Path file, String fileName, ImportMode mode, ImportProgress progress) {
    Placement placement = placements.newest();
    return transactions.<RiskLocationRow<Point, OmgClubhouseAttributes>>run(layer(), mode,
        ImportRun.MAX_RISK_LOCATIONS, run -> {
      if (FeatureRows.isFeatureFile(fileName)) {
        offerAll(FeatureRows.read(file).iterator(), run, null, placement);
      } else {
        try (InputStream in = new ProgressInputStream(Files.newInputStream(file), progress);
            CsvRows rows = new CsvRows(in)) {
          rows.require("source_id", "club", "status");
          offerAll(rows, run, LocationColumns.of(rows.header()), placement);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    });
  }

  private void offerAll(Iterator<SourceRow> rows, ImportRun<RiskLocationRow<Point, OmgClubhouseAttributes>> run,
      LocationColumns location, Placement placement) {
    while (rows.hasNext()) {
      run.offer(rows.next(), check -> clubhouse(check, run, location, placement),
              row -> row.storeIn(clubhouses, OmgClubhouseEntity::new));
    }
  }

  private RiskLocationRow<Point, OmgClubhouseAttributes> clubhouse(RowCheck check,
      ImportRun<RiskLocationRow<Point, OmgClubhouseAttributes>> run, LocationColumns location, Placement placement) {
    String sourceId = check.text("source_id", true, 255);
    run.uniqueSourceId(check, sourceId);
    String club = check.text("club", true, 255);
    String chapter = check.text("chapter", false, 255);
    ClubhouseStatus status = check.choice("status", ClubhouseStatus.class, true);
    String riskClass = check.text("risk_class", false, 32);
    Boolean civilBan = check.bool("civil_ban", false);
    LocalDate openedOn = check.date("opened_on", false);
    LocalDate closedOn = check.date("closed_on", false);
    if (status == ClubhouseStatus.CLOSED && closedOn == null && check.row().values().get("closed_on") == null) {
      check.fail("closed_on", "a closed clubhouse needs closed_on");
    }
    if (status == ClubhouseStatus.ACTIVE && closedOn != null) {
      check.fail("closed_on", "an active clubhouse has no closed_on");
    }
    if (openedOn != null && closedOn != null && closedOn.isBefore(openedOn)) {
      check.fail("closed_on", "closed_on " + closedOn + " lies before opened_on " + openedOn);
    }
    Boolean demo = check.bool("demo", false);
    Coordinate point = PointLocation.read(check, location);
    String municipality = point == null ? null : placement.municipality(check, PointLocation.column(location), point);
    return check.ok() ? new RiskLocationRow<>(sourceId, PointLocation.RD_NEW.createPoint(point),
        new OmgClubhouseAttributes(club, chapter, status, riskClass, civilBan, openedOn, closedOn), municipality, demo)
        : null;
  }

}
