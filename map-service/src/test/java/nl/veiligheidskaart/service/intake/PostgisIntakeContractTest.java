package nl.veiligheidskaart.service.intake;

import nl.veiligheidskaart.service.OnPostgis;

/** The intake contract on PostGIS, where incidents take the COPY path. */
@OnPostgis
class PostgisIntakeContractTest extends IntakeContractTest {
}
