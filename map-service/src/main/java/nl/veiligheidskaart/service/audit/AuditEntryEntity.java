package nl.veiligheidskaart.service.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One event of the trail, mostly a data access: who, in which role, what (endpoint and
 * parameters; the area and period asked for), with what outcome and how much was handed out
 * (records where the answer is a list of them, and bytes), when. Its event says what kind it is
 * (see {@link AuditEvent}); its detail what the request line does not show (an account change, an alert).
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntryEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 16)
  private String event;

  @Column(name = "accessed_at", nullable = false)
  private Instant accessedAt;

  @Column(nullable = false, length = 256)
  private String username;

  @Column(length = 16)
  private String role;

  @Column(nullable = false, length = 8)
  private String method;

  @Column(nullable = false, length = 512)
  private String endpoint;

  @Column(length = 2048)
  private String parameters;

  @Column(length = 256)
  private String area;

  @Column(length = 64)
  private String period;

  @Column(nullable = false)
  private int status;

  @Column(name = "result_rows")
  private Long resultRows;

  @Column(name = "result_bytes", nullable = false)
  private long resultBytes;

  @Column(length = 512)
  private String detail;

  protected AuditEntryEntity() {
  }

  /**
   * @param area the municipality, district, box or tile asked for; null when the whole region
   * @param period the time span asked for (ISO 8601 interval, "..", or as given); null when all time
   * @param resultRows the records handed out, null when the answer is not a list of records
   * @param detail what happened beyond the request line (an account change, an alert's reason); null for none
   */
  public AuditEntryEntity(AuditEvent event, Instant accessedAt, String username, String role, String method,
      String endpoint, String parameters, String area, String period, int status, Long resultRows, long resultBytes,
      String detail) {
    this.event = event.code();
    this.accessedAt = accessedAt;
    this.username = username;
    this.role = role;
    this.method = method;
    this.endpoint = endpoint;
    this.parameters = parameters;
    this.area = area;
    this.period = period;
    this.status = status;
    this.resultRows = resultRows;
    this.resultBytes = resultBytes;
    this.detail = detail;
  }

  public Long getId() {
    return id;
  }

  public String getEvent() {
    return event;
  }

  public Instant getAccessedAt() {
    return accessedAt;
  }

  public String getUsername() {
    return username;
  }

  public String getRole() {
    return role;
  }

  public String getMethod() {
    return method;
  }

  public String getEndpoint() {
    return endpoint;
  }

  public String getParameters() {
    return parameters;
  }

  public String getArea() {
    return area;
  }

  public String getPeriod() {
    return period;
  }

  public int getStatus() {
    return status;
  }

  public Long getResultRows() {
    return resultRows;
  }

  public long getResultBytes() {
    return resultBytes;
  }

  public String getDetail() {
    return detail;
  }
}
