package nl.veiligheidskaart.service.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * An administrative instrument a municipality has in force (its Damocles policy, the basic level
 * against OMG clubhouses, ...): which one, its variant, since when, a note, and who recorded it.
 */
@Entity
@Table(name = "municipality_instrument")
public class MunicipalityInstrumentEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "municipality_code", nullable = false, length = 6)
  private String municipalityCode;

  @Column(nullable = false, length = 64)
  private String instrument;

  private String variant;

  @Column(name = "in_force_since")
  private LocalDate inForceSince;

  @Column(length = 2000)
  private String note;

  @Column(name = "updated_by", nullable = false, length = 100)
  private String updatedBy;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected MunicipalityInstrumentEntity() {
  }

  public MunicipalityInstrumentEntity(String municipalityCode, String instrument, String variant,
      LocalDate inForceSince, String note, String updatedBy, OffsetDateTime updatedAt) {
    this.municipalityCode = municipalityCode;
    this.instrument = instrument;
    this.variant = variant;
    this.inForceSince = inForceSince;
    this.note = note;
    this.updatedBy = updatedBy;
    this.updatedAt = updatedAt;
  }

  public String getMunicipalityCode() {
    return municipalityCode;
  }

  public String getInstrument() {
    return instrument;
  }

  public String getVariant() {
    return variant;
  }

  public LocalDate getInForceSince() {
    return inForceSince;
  }

  public String getNote() {
    return note;
  }

  public String getUpdatedBy() {
    return updatedBy;
  }

  public OffsetDateTime getUpdatedAt() {
    return updatedAt;
  }
}
