package nl.veiligheidskaart.service.security;

/** Published when an account was created or changed: remembered password checks for it are dropped. */
public record AccountChangedEvent(String username) {
}
