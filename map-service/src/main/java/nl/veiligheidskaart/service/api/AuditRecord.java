package nl.veiligheidskaart.service.api;

import java.time.Instant;

/** One data access in the audit trail, as the ADMIN reads it. */
public record AuditRecord(long id, Instant accessedAt, String username, String role, String method, String endpoint,
    String parameters, int status) {
}
