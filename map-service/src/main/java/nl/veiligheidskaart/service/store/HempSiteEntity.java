package nl.veiligheidskaart.service.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.locationtech.jts.geom.Point;

/** A dismantled hemp plantation. */
@Entity
@Table(name = "hemp_site")
public class HempSiteEntity extends RiskLocationEntity {

  @Column(nullable = false)
  private Point geometry;

  @Column(name = "found_on", nullable = false)
  private LocalDate foundOn;

  @Column(name = "dismantled_on")
  private LocalDate dismantledOn;

  @Column(name = "plant_count")
  private Integer plantCount;

  @Enumerated(EnumType.STRING)
  @Column(name = "site_type", nullable = false, length = 32)
  private HempSiteType siteType;

  @Column(name = "fire_hazard", nullable = false)
  private boolean fireHazard;

  /** E.g. a closure under the Damocles article of the Opium Act. */
  private String intervention;

  private String source;

  protected HempSiteEntity() {
  }

  public HempSiteEntity(String sourceId, Point geometry, LocalDate foundOn, HempSiteType siteType) {
    super(sourceId);
    this.geometry = geometry;
    this.foundOn = foundOn;
    this.siteType = siteType;
  }

  public Point getGeometry() {
    return geometry;
  }

  public LocalDate getFoundOn() {
    return foundOn;
  }

  public LocalDate getDismantledOn() {
    return dismantledOn;
  }

  public void setDismantledOn(LocalDate dismantledOn) {
    this.dismantledOn = dismantledOn;
  }

  public Integer getPlantCount() {
    return plantCount;
  }

  public void setPlantCount(Integer plantCount) {
    this.plantCount = plantCount;
  }

  public HempSiteType getSiteType() {
    return siteType;
  }

  public boolean isFireHazard() {
    return fireHazard;
  }

  public void setFireHazard(boolean fireHazard) {
    this.fireHazard = fireHazard;
  }

  public String getIntervention() {
    return intervention;
  }

  public void setIntervention(String intervention) {
    this.intervention = intervention;
  }

  public String getSource() {
    return source;
  }

  public void setSource(String source) {
    this.source = source;
  }

  public void setGeometry(Point geometry) {
    this.geometry = geometry;
  }

  public void setFoundOn(LocalDate foundOn) {
    this.foundOn = foundOn;
  }

  public void setSiteType(HempSiteType siteType) {
    this.siteType = siteType;
  }
}
