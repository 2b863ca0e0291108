package nl.veiligheidskaart.service.security;

import nl.veiligheidskaart.service.api.ManagedAccount;

/**
 * An account as it is after a change, and the change in words for the audit trail: which account
 * and what changed, never a password.
 */
public record AccountChanged(ManagedAccount account, String summary) {
}
