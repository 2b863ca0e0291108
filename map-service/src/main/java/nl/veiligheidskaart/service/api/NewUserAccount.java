package nl.veiligheidskaart.service.api;

/**
 * A request to create a local account.
 *
 * @param municipality the municipality code, required for role MUNICIPALITY and refused otherwise
 */
public record NewUserAccount(String username, String password, String role, String municipality) {
}
