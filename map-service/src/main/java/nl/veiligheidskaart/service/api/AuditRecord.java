package nl.veiligheidskaart.service.api;

import java.time.Instant;

/**
 * One event of the audit trail, as the ADMIN reads it.
 *
 * @param event what kind of event: access, refused, sign-in, sign-in-failed, sign-out, account-change or alert
 * @param username who; for a refused request or a failed sign-in the name that was tried, {@code (none)}
 *     when none was given
 * @param area the municipality, district, bounding box or tile asked for; null for the whole region
 * @param period the time span asked for, as an ISO 8601 interval ({@code 2026-01-01/2026-04-01},
 *     open ends as {@code ..}) or as given ({@code 2026-Q3}); null for all time
 * @param resultRows how many records were handed out, where the answer is a list of them
 * @param resultBytes the size of the answer's body
 * @param detail what the request line does not show: which account changed and how, why an alert was raised
 */
public record AuditRecord(long id, String event, Instant accessedAt, String username, String role, String method,
    String endpoint, String parameters, String area, String period, int status, Long resultRows, long resultBytes,
    String detail) {
}
