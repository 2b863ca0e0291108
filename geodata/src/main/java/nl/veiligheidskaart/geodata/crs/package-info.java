/**
 * The coordinate reference systems of the project (CRS84, WGS 84, RD New, Web Mercator) and
 * transformations between them with proj4j.
 */
package nl.veiligheidskaart.geodata.crs;
