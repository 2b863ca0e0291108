/**
 * Map layers as tiles: PNG and Mapbox vector tiles of the choropleth, incidents, heat map,
 * hot spots and risk locations, composed per layer, cached, and passed through the disclosure policy.
 */
package nl.veiligheidskaart.service.maptiles;
