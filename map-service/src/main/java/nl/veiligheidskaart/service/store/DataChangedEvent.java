package nl.veiligheidskaart.service.store;

/**
 * Published after a transaction that changed data shown in map layers committed (e.g. an import).
 *
 * @param appendedAfter when the change only added rows, the highest id of the layer's table before
 *     it (every added row has a higher one), so that a copy of the table can read just those; null
 *     when rows may also have been changed or removed
 */
public record DataChangedEvent(String layer, Long appendedAfter) {

  /** A change of any kind. */
  public DataChangedEvent(String layer) {
    this(layer, null);
  }
}
