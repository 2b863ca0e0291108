package nl.veiligheidskaart.service.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.locationtech.jts.geom.MultiPolygon;

/** A holiday park, with the signals that point to misuse (permanent residence, subversion). */
@Entity
@Table(name = "holiday_park")
public class HolidayParkEntity extends RiskLocationEntity {

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private MultiPolygon geometry;

  @Column(name = "unit_count")
  private Integer unitCount;

  @Column(name = "permanent_residence_signal", nullable = false)
  private boolean permanentResidenceSignal;

  @Column(name = "subversion_signal", nullable = false)
  private boolean subversionSignal;

  protected HolidayParkEntity() {
  }

  public HolidayParkEntity(String sourceId, String name, MultiPolygon geometry) {
    super(sourceId);
    this.name = name;
    this.geometry = geometry;
  }

  public String getName() {
    return name;
  }

  public MultiPolygon getGeometry() {
    return geometry;
  }

  public Integer getUnitCount() {
    return unitCount;
  }

  public void setUnitCount(Integer unitCount) {
    this.unitCount = unitCount;
  }

  public boolean isPermanentResidenceSignal() {
    return permanentResidenceSignal;
  }

  public void setPermanentResidenceSignal(boolean permanentResidenceSignal) {
    this.permanentResidenceSignal = permanentResidenceSignal;
  }

  public boolean isSubversionSignal() {
    return subversionSignal;
  }

  public void setSubversionSignal(boolean subversionSignal) {
    this.subversionSignal = subversionSignal;
  }

  public void setName(String name) {
    this.name = name;
  }

  public void setGeometry(MultiPolygon geometry) {
    this.geometry = geometry;
  }
}
