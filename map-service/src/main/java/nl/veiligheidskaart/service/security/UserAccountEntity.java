package nl.veiligheidskaart.service.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import nl.veiligheidskaart.service.identity.Role;

/** A local account; the password is kept as a bcrypt hash only. */
@Entity
@Table(name = "user_account")
public class UserAccountEntity {

  @Id
  @Column(length = 64)
  private String username;

  @Column(name = "password_hash", nullable = false, length = 100)
  private String passwordHash;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Role role;

  /** Set for the MUNICIPALITY role only: the municipality the account speaks for. */
  @Column(name = "municipality_code", length = 6)
  private String municipalityCode;

  @Column(nullable = false)
  private boolean enabled = true;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected UserAccountEntity() {
  }

  public UserAccountEntity(String username, String passwordHash, Role role, String municipalityCode,
      Instant createdAt) {
    this.username = username;
    this.passwordHash = passwordHash;
    this.role = role;
    this.municipalityCode = municipalityCode;
    this.createdAt = createdAt;
  }

  /** A new role; the municipality is set for MUNICIPALITY only (null otherwise). */
  void assign(Role newRole, String newMunicipalityCode) {
    this.role = newRole;
    this.municipalityCode = newMunicipalityCode;
  }

  void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  void setPasswordHash(String passwordHash) {
    this.passwordHash = passwordHash;
  }

  public String getUsername() {
    return username;
  }

  public String getPasswordHash() {
    return passwordHash;
  }

  public Role getRole() {
    return role;
  }

  public String getMunicipalityCode() {
    return municipalityCode;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
