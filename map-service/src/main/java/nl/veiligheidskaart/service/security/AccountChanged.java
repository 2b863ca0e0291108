package nl.veiligheidskaart.service.security;

import nl.veiligheidskaart.service.api.ManagedAccount;
import nl.veiligheidskaart.service.audit.AuditFacts;

/**
 * An account as it is after a change, and the change in words for the audit trail: which account
 * and what changed, never a password.
 */
public record AccountChanged(ManagedAccount account, String summary) {

  /** The account, after noting the change for the audit row of the request that made it. */
  public ManagedAccount audited() {
    if (summary != null) {
      AuditFacts.accountChange(summary);
    }
    return account;
  }
}
