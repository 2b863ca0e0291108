package nl.veiligheidskaart.service.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One data access: who, in which role, what (endpoint and parameters), with what outcome, when. */
@Entity
@Table(name = "audit_entry")
public class AuditEntryEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "accessed_at", nullable = false)
  private Instant accessedAt;

  @Column(nullable = false, length = 64)
  private String username;

  @Column(length = 16)
  private String role;

  @Column(nullable = false, length = 8)
  private String method;

  @Column(nullable = false, length = 512)
  private String endpoint;

  @Column(length = 2048)
  private String parameters;

  @Column(nullable = false)
  private int status;

  protected AuditEntryEntity() {
  }

  public AuditEntryEntity(Instant accessedAt, String username, String role, String method, String endpoint,
      String parameters, int status) {
    this.accessedAt = accessedAt;
    this.username = username;
    this.role = role;
    this.method = method;
    this.endpoint = endpoint;
    this.parameters = parameters;
    this.status = status;
  }

  public Long getId() {
    return id;
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

  public int getStatus() {
    return status;
  }
}
