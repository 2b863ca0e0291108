/**
 * Tile addressing: the XYZ tile coordinates of the Web Mercator tiling shared by Leaflet, QGIS and ArcGIS.
 */
package nl.veiligheidskaart.tiles.geo;
