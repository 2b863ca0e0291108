package nl.veiligheidskaart.service.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.locationtech.jts.geom.MultiPolygon;

/**
 * A registered intervention: its type, the municipality it targets (or that its drawn target area
 * lies in), the drawn area in RD New when there is one, its date, the incident categories it aims at,
 * and who registered it. The version changes with every edit, so that what is computed from it can
 * tell an edited intervention from the one it computed.
 */
@Entity
@Table(name = "intervention")
public class InterventionEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "intervention_type", nullable = false, length = 64)
  private String type;

  @Column(name = "municipality_code", nullable = false, length = 6)
  private String municipalityCode;

  private MultiPolygon geometry;

  @Column(name = "intervention_date", nullable = false)
  private LocalDate date;

  /** Comma-separated category codes: they are read and written whole, never queried one by one. */
  @Column(nullable = false, length = 1000)
  private String categories;

  @Column(length = 2000)
  private String description;

  @Column(name = "registered_by", nullable = false, length = 100)
  private String registeredBy;

  @Column(name = "registered_at", nullable = false)
  private OffsetDateTime registeredAt;

  @Version
  @Column(nullable = false)
  private long version;

  protected InterventionEntity() {
  }

  public InterventionEntity(String registeredBy, OffsetDateTime registeredAt) {
    this.registeredBy = registeredBy;
    this.registeredAt = registeredAt;
  }

  public Long getId() {
    return id;
  }

  public String getType() {
    return type;
  }

  public String getMunicipalityCode() {
    return municipalityCode;
  }

  /** The drawn target area in RD New, or null when the municipality is the target. */
  public MultiPolygon getGeometry() {
    return geometry;
  }

  public LocalDate getDate() {
    return date;
  }

  public List<String> getCategories() {
    return List.of(categories.split(","));
  }

  public String getDescription() {
    return description;
  }

  public String getRegisteredBy() {
    return registeredBy;
  }

  public OffsetDateTime getRegisteredAt() {
    return registeredAt;
  }

  public long getVersion() {
    return version;
  }

  /** Takes what a registration or an edit says. */
  public void describe(String type, String municipalityCode, MultiPolygon geometry, LocalDate date,
      List<String> categories, String description) {
    this.type = type;
    this.municipalityCode = municipalityCode;
    this.geometry = geometry;
    this.date = date;
    this.categories = String.join(",", categories);
    this.description = description;
  }
}
