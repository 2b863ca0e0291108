package nl.veiligheidskaart.service.incidents;

import nl.veiligheidskaart.service.OnPostgis;

/** The read models agree on the production database, PostGIS. */
@OnPostgis
class PostgisIncidentReadModelAgreementTest extends IncidentReadModelAgreementTest {
}
