package nl.veiligheidskaart.service.intake;

/**
 * Where checked incidents go: an upsert on source_id inside the caller's transaction. Rows may be
 * buffered until {@link #finish()}; an abandoned sink stores nothing that the transaction's
 * rollback would not undo.
 */
interface IncidentSink extends AutoCloseable {

  void add(IncidentRecord incident);

  /** Writes whatever is still buffered. */
  void finish();

  /** Releases resources; after {@link #finish()} or when the import is abandoned. */
  @Override
  void close();
}
