package nl.veiligheidskaart.service.api;

import java.time.Instant;

/**
 * One data access in the audit trail, as the ADMIN reads it.
 *
 * @param area the municipality, district, bounding box or tile asked for; null for the whole region
 * @param period the time span asked for, as an ISO 8601 interval ({@code 2026-01-01/2026-04-01},
 *     open ends as {@code ..}) or as given ({@code 2026-Q3}); null for all time
 * @param resultRows how many records were handed out, where the answer is a list of them
 * @param resultBytes the size of the answer's body
 */
public record AuditRecord(long id, Instant accessedAt, String username, String role, String method, String endpoint,
    String parameters, String area, String period, int status, Long resultRows, long resultBytes) {
}
