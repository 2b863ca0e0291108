package nl.veiligheidskaart.service.store;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import org.locationtech.jts.geom.Geometry;

/**
 * A risk location (hemp site, holiday park, OMG clubhouse): the id of its source record, by which a
 * new import replaces it, its geometry in RD New, what its register says of it as one value, the
 * municipality it lies in, and whether it is demo data.
 *
 * @param <G> the geometry of its kind (a point, or a holiday park's outline)
 * @param <A> what the register says of it, an embeddable record
 */
@MappedSuperclass
public abstract class RiskLocationEntity<G extends Geometry, A> {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "source_id", nullable = false, unique = true)
  private String sourceId;

  @Column(name = "municipality_code", length = 6)
  private String municipalityCode;

  @Column(nullable = false)
  private boolean demo;

  @Column(nullable = false)
  private G geometry;

  @Embedded
  private A attributes;

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

  public boolean isDemo() {
    return demo;
  }

  public G getGeometry() {
    return geometry;
  }

  public A getAttributes() {
    return attributes;
  }

  /**
   * Takes what a new import of its source record says.
   *
   * @param municipalityCode where it lies; null outside the municipalities served
   */
  public void replace(G geometry, A attributes, String municipalityCode, boolean demo) {
    this.geometry = geometry;
    this.attributes = attributes;
    this.municipalityCode = municipalityCode;
    this.demo = demo;
  }
}
