package nl.veiligheidskaart.service.intake;

import java.time.LocalDate;
import java.util.List;
import nl.veiligheidskaart.service.store.ClubhouseStatus;
import nl.veiligheidskaart.service.store.OmgClubhouseAttributes;
import nl.veiligheidskaart.service.store.OmgClubhouseEntity;
import nl.veiligheidskaart.service.store.OmgClubhouseRepository;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Service;

/** Imports registers of outlaw motorcycle gang clubhouses (CSV or GeoJSON points). */
@Service
class OmgClubhouseImporter extends RiskLocationImporter<Point, OmgClubhouseAttributes, OmgClubhouseEntity> {

  OmgClubhouseImporter(OmgClubhouseRepository clubhouses, Placements placements, ImportTransactions transactions) {
    super("omg-clubhouses", List.of("source_id", "club", "status"), clubhouses, OmgClubhouseEntity::new, placements,
        transactions);
  }

  @Override
  protected RiskLocationRow<Point, OmgClubhouseAttributes> check(RowCheck check, ImportRun<?> run,
      LocationColumns location, Placement placement) {
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
