package nl.veiligheidskaart.service.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An account as the API shows it: never with its password (hash). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserAccount(String username, String role, String municipality) {
}
