/**
 * Map rendering with Java2D: layers, the one map style with its classes and colours, and
 * viewports, shared by raster tiles, snapshots and briefing packs.
 */
package nl.veiligheidskaart.tiles.render;
