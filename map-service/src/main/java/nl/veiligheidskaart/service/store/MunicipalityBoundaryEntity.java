package nl.veiligheidskaart.service.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.locationtech.jts.geom.MultiPolygon;

/**
 * The boundary of one municipality from one vintage (municipal mergers change boundaries every
 * year, so a boundary is valid from a year until a newer vintage replaces it).
 */
@Entity
@Table(name = "municipality_boundary")
public class MunicipalityBoundaryEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "municipality_code", nullable = false, length = 6)
  private String municipalityCode;

  @Column(name = "valid_from_year", nullable = false)
  private int validFromYear;

  @Column(nullable = false)
  private MultiPolygon geometry;

  @Column(nullable = false)
  private String source;

  protected MunicipalityBoundaryEntity() {
  }

  public MunicipalityBoundaryEntity(String municipalityCode, int validFromYear, MultiPolygon geometry, String source) {
    this.municipalityCode = municipalityCode;
    this.validFromYear = validFromYear;
    this.geometry = geometry;
    this.source = source;
  }

  public Long getId() {
    return id;
  }

  public String getMunicipalityCode() {
    return municipalityCode;
  }

  public int getValidFromYear() {
    return validFromYear;
  }

  public MultiPolygon getGeometry() {
    return geometry;
  }

  public String getSource() {
    return source;
  }
}
