package nl.veiligheidskaart.service.store;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * What every risk location (hemp site, holiday park, OMG clubhouse) has: the id of its source
 * record, by which a new import replaces it, the municipality it lies in, and whether it is demo
 * data. Each kind adds its own geometry and attributes.
 */
@MappedSuperclass
public abstract class RiskLocationEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "source_id", nullable = false, unique = true)
  private String sourceId;

  @Column(name = "municipality_code", length = 6)
  private String municipalityCode;

  @Column(nullable = false)
  private boolean demo;

  protected RiskLocationEntity() {
  }

  protected RiskLocationEntity(String sourceId) {
    this.sourceId = sourceId;
  }

  public Long getId() {
    return id;
  }

  public String getSourceId() {
    return sourceId;
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
}
