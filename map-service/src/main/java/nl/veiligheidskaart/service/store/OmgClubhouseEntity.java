package nl.veiligheidskaart.service.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.locationtech.jts.geom.Point;

/** A clubhouse of an outlaw motorcycle gang (OMG) chapter. */
@Entity
@Table(name = "omg_clubhouse")
public class OmgClubhouseEntity extends RiskLocationEntity {

  @Column(nullable = false)
  private Point geometry;

  @Column(nullable = false)
  private String club;

  private String chapter;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private ClubhouseStatus status;

  /** The class assigned by the risk-classification instrument. */
  @Column(name = "risk_class", length = 32)
  private String riskClass;

  @Column(name = "civil_ban", nullable = false)
  private boolean civilBan;

  @Column(name = "opened_on")
  private LocalDate openedOn;

  @Column(name = "closed_on")
  private LocalDate closedOn;

  protected OmgClubhouseEntity() {
  }

  public OmgClubhouseEntity(String sourceId, Point geometry, String club, ClubhouseStatus status) {
    super(sourceId);
    this.geometry = geometry;
    this.club = club;
    this.status = status;
  }

  public Point getGeometry() {
    return geometry;
  }

  public String getClub() {
    return club;
  }

  public String getChapter() {
    return chapter;
  }

  public void setChapter(String chapter) {
    this.chapter = chapter;
  }

  public ClubhouseStatus getStatus() {
    return status;
  }

  public String getRiskClass() {
    return riskClass;
  }

  public void setRiskClass(String riskClass) {
    this.riskClass = riskClass;
  }

  public boolean isCivilBan() {
    return civilBan;
  }

  public void setCivilBan(boolean civilBan) {
    this.civilBan = civilBan;
  }

  public LocalDate getOpenedOn() {
    return openedOn;
  }

  public void setOpenedOn(LocalDate openedOn) {
    this.openedOn = openedOn;
  }

  public LocalDate getClosedOn() {
    return closedOn;
  }

  public void setClosedOn(LocalDate closedOn) {
    this.closedOn = closedOn;
  }

  public void setGeometry(Point geometry) {
    this.geometry = geometry;
  }

  public void setClub(String club) {
    this.club = club;
  }

  public void setStatus(ClubhouseStatus status) {
    this.status = status;
  }
}
