package nl.veiligheidskaart.service.api;

/**
 * What an ADMIN changes of an account; an absent (null) member stays as it is. A role other than
 * MUNICIPALITY drops the municipality; MUNICIPALITY needs one (given, or the one it had).
 *
 * @param password a new password (a reset): the account's sessions end and it signs in with this one
 */
public record AccountUpdate(Boolean enabled, String role, String municipality, String password) {
}
