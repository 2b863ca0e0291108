/**
 * The incident read model: the one place where the service counts and locates stored incidents
 * for its map layers, municipality figures, analyses, snapshots and briefings.
 *
 * <p>{@link nl.veiligheidskaart.service.incidents.IncidentReadModel} names every question and says
 * which answer is authoritative: the database is the truth, imports write only there; the
 * {@link nl.veiligheidskaart.service.incidents.InMemoryIncidentReadModel} (default) answers from an
 * {@link nl.veiligheidskaart.service.incidents.IncidentIndex} read from it and read again after every
 * committed change; the {@link nl.veiligheidskaart.service.incidents.DatabaseIncidentReadModel}
 * asks the database each time ({@code veiligheidskaart.incident-read-model=database}). Both give the
 * same answers, held to it by one agreement test on H2GIS and PostGIS.
 *
 * <p>Values are plain records ({@link nl.veiligheidskaart.service.incidents.IncidentQuery},
 * {@link nl.veiligheidskaart.service.incidents.MapIncident},
 * {@link nl.veiligheidskaart.service.incidents.IncidentLocations},
 * {@link nl.veiligheidskaart.service.incidents.TimeSpan}); the package knows the store's table and
 * the map projections, not HTTP, map layers or analyses. Indexes are immutable and replaced whole:
 * after an import that only appended rows, the successor is built from the current index's arrays
 * and the new rows; after any other change, read from the store again.
 */
package nl.veiligheidskaart.service.incidents;
