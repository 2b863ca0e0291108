package nl.veiligheidskaart.service.store;

import nl.veiligheidskaart.service.OnEmbeddedStore;

/** The store contract on the embedded default: an H2GIS file database in a fresh data directory. */
@OnEmbeddedStore
class H2gisStoreContractTest extends StoreContractTest {
}
