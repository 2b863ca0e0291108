package nl.veiligheidskaart.service.store;

/** Published after a transaction that changed data shown in map layers committed (e.g. an import). */
public record DataChangedEvent(String layer) {
}
