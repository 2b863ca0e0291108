package nl.veiligheidskaart.service.intake;

import nl.veiligheidskaart.service.OnEmbeddedStore;

/** The intake contract on the embedded default, H2GIS, where incidents take the JDBC batch path. */
@OnEmbeddedStore
class H2gisIntakeContractTest extends IntakeContractTest {
}
