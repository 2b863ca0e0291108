/**
 * Map layers as tiles: the catalogue of map layers, one class each (the choropleth, incidents,
 * heat map, hot spots and risk locations), declaring who may see it, what it draws, its legend and
 * its vector tiles; PNG and Mapbox vector tiles of them, cached, and passed through the disclosure
 * policy.
 */
package nl.veiligheidskaart.service.maptiles;
