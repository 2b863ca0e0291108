/**
 * The wire contract: plain records the HTTP API reads and writes (GeoJSON features, reports,
 * figures, accounts) and the exceptions the web layer turns into problem+json answers. No logic.
 */
package nl.veiligheidskaart.service.api;
