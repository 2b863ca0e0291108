package nl.veiligheidskaart.service.store;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.locationtech.jts.geom.Point;

/** One registered incident: a point in RD New with a category and the moment it occurred. */
@Entity
@Table(name = "incident")
public class IncidentEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  /** The identifier in the source system; imports upsert on it, so re-importing changes nothing. */
  @Column(name = "source_id", nullable = false, unique = true)
  private String sourceId;

  @Column(nullable = false, length = 64)
  private String category;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  /** False when the source gave a date only; the time of {@link #occurredAt} is then midnight local time. */
  @Column(name = "occurred_at_has_time", nullable = false)
  private boolean occurredAtHasTime;

  /** The end of the window the incident happened in when its moment is not known; null for a moment or a date. */
  @Column(name = "occurred_to")
  private Instant occurredTo;

  @Column(name = "location_precision", length = 32)
  private String locationPrecision;

  @Column(name = "municipality_code", length = 6)
  private String municipalityCode;

  @Column(nullable = false)
  private Point geometry;

  @Convert(converter = AttributesConverter.class)
  @Column(columnDefinition = "text")
  private Map<String, String> attributes = new LinkedHashMap<>();

  @Column(nullable = false)
  private boolean demo;

  protected IncidentEntity() {
  }

  public IncidentEntity(String sourceId, String category, Instant occurredAt, boolean occurredAtHasTime,
      Point geometry) {
    this.sourceId = sourceId;
    this.category = category;
    this.occurredAt = occurredAt;
    this.occurredAtHasTime = occurredAtHasTime;
    this.geometry = geometry;
  }

  public Long getId() {
    return id;
  }

  public String getSourceId() {
    return sourceId;
  }

  public String getCategory() {
    return category;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public boolean isOccurredAtHasTime() {
    return occurredAtHasTime;
  }

  public Instant getOccurredTo() {
    return occurredTo;
  }

  public void setOccurredTo(Instant occurredTo) {
    this.occurredTo = occurredTo;
  }

  public String getLocationPrecision() {
    return locationPrecision;
  }

  public void setLocationPrecision(String locationPrecision) {
    this.locationPrecision = locationPrecision;
  }

  public String getMunicipalityCode() {
    return municipalityCode;
  }

  public void setMunicipalityCode(String municipalityCode) {
    this.municipalityCode = municipalityCode;
  }

  public Point getGeometry() {
    return geometry;
  }

  public Map<String, String> getAttributes() {
    return attributes;
  }

  public void setAttributes(Map<String, String> attributes) {
    this.attributes = new LinkedHashMap<>(attributes);
  }

  public boolean isDemo() {
    return demo;
  }

  public void setDemo(boolean demo) {
    this.demo = demo;
  }
}
