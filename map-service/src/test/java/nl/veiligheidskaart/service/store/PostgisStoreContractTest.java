package nl.veiligheidskaart.service.store;

import nl.veiligheidskaart.service.OnPostgis;

/** The store contract on PostGIS, the production database. */
@OnPostgis
class PostgisStoreContractTest extends StoreContractTest {
}
