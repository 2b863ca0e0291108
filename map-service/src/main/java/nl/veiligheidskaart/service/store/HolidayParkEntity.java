package nl.veiligheidskaart.service.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.locationtech.jts.geom.MultiPolygon;

/** A holiday park, with the signals that point to misuse (permanent residence, subversion). */
@Entity
@Table(name = "holiday_park")
public class HolidayParkEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "source_id", nullable = false, unique = true)
  private String sourceId;

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

  @Column(name = "municipality_code", length = 6)
  private String municipalityCode;

  @Column(nullable = false)
  private boolean demo;

  protected HolidayParkEntity() {
  }

  public HolidayParkEntity(String sourceId, String name, MultiPolygon geometry) {
    this.sourceId = sourceId;
    this.name = name;
    this.geometry = geometry;
  }

  public Long getId() {
    return id;
  }

  public String getSourceId() {
    return sourceId;
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

  public String getMunicipalityCode() {
    return municipalityCode;
  }

  public void setMunicipalityCode(String municipalityCode) {
    this.municipalityCode = municipalityCode;
  }

  public boolean isDemo() {
    return demo;
  }

  public void setDemo(boolean demo) {
    this.demo = demo;
  }

  public void setName(String name) {
    this.name = name;
  }

  public void setGeometry(MultiPolygon geometry) {
    this.geometry = geometry;
  }
}
