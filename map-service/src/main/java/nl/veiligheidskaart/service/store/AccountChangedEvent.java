package nl.veiligheidskaart.service.store;

/**
 * Published when an account was created, changed (enabled, role, municipality, password) or
 * deleted, by this replica or, through the {@link ChangeFeed}, by another on the same store.
 */
public record AccountChangedEvent(String username) {
}
