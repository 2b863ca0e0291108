/**
 * The persistent model: JPA entities and repositories for incidents, risk locations, the
 * reference geography and statistics, on the embedded H2GIS or on PostGIS, with store health and
 * online backup.
 */
package nl.veiligheidskaart.service.store;
