package nl.veiligheidskaart.service.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * An account as the ADMIN manages it: never with its password (hash).
 *
 * @param municipality the municipality of a MUNICIPALITY account; absent for the other roles
 * @param enabled whether it may sign in
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ManagedAccount(String username, String role, String municipality, boolean enabled, Instant createdAt) {
}
