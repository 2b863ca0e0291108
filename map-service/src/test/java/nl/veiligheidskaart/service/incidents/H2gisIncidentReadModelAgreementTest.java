package nl.veiligheidskaart.service.incidents;

import nl.veiligheidskaart.service.OnEmbeddedStore;

/** The read models agree on the embedded default, H2GIS. */
@OnEmbeddedStore
class H2gisIncidentReadModelAgreementTest extends IncidentReadModelAgreementTest {
}
