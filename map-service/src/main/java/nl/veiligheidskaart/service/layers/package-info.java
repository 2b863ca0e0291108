/**
 * The data behind the map layers and figures that are not analyses: incidents and risk
 * locations as GeoJSON, per-municipality figures and the registered-crime statistics.
 */
package nl.veiligheidskaart.service.layers;
