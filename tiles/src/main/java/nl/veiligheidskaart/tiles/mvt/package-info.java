/**
 * Mapbox Vector Tile encoding of projected features, clipped and quantised as PostGIS's ST_AsMVT does.
 */
package nl.veiligheidskaart.tiles.mvt;
