/**
 * Imports of incidents, hemp sites, holiday parks, OMG clubhouses, the registered-crime table and
 * the population table from CSV, GeoJSON and GeoPackage: strict (all or nothing) or lenient (bad rows reported by line),
 * each in one transaction, incidents streamed (PostgreSQL COPY on PostGIS).
 */
package nl.veiligheidskaart.service.intake;
