package nl.veiligheidskaart.service.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.locationtech.jts.geom.Point;

/** A point of a layer an ADMIN imported as a risk factor: its layer's name, source id and location in RD New. */
@Entity
@Table(name = "risk_factor_point")
public class RiskFactorPointEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 40)
  private String layer;

  @Column(name = "source_id", nullable = false)
  private String sourceId;

  @Column(nullable = false)
  private Point geometry;

  @Column(name = "municipality_code", length = 6)
  private String municipalityCode;

  protected RiskFactorPointEntity() {
  }

  /** @param municipalityCode where it lies; null outside the municipalities served */
  public RiskFactorPointEntity(String layer, String sourceId, Point geometry, String municipalityCode) {
    this.layer = layer;
    this.sourceId = sourceId;
    this.geometry = geometry;
    this.municipalityCode = municipalityCode;
  }

  public String getLayer() {
    return layer;
  }

  public String getSourceId() {
    return sourceId;
  }

  public Point getGeometry() {
    return geometry;
  }

  public String getMunicipalityCode() {
    return municipalityCode;
  }
}
