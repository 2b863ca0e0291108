/**
 * Hot spot analyses on incidents and on municipalities: Gi*, Local Moran's I clusters, emerging
 * hot spots and kernel density, with their scale chosen as ArcGIS does and their cost bounded before
 * they start. The mathematics is in {@code analysis}; this package feeds it and reports.
 */
package nl.veiligheidskaart.service.hotspots;
