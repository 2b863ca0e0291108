package nl.veiligheidskaart.service.api;

/** A user's change of their own password: the current one proves it is them. */
public record PasswordChange(String currentPassword, String newPassword) {
}
