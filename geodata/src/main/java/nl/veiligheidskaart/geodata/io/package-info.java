/**
 * Reading feature files (GeoJSON, GeoPackage) and writing safe CSV cells.
 */
package nl.veiligheidskaart.geodata.io;
