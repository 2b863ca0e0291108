package nl.veiligheidskaart.service.store;

/**
 * Where counts per municipality come from: the incidents (counted in the service) or the area
 * statistics (counted by their publisher, e.g. the registered crime of CBS).
 */
public enum CountSource {
  INCIDENTS, STATISTICS
}
