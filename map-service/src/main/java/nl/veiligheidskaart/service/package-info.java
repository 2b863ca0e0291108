/**
 * The map service of Veiligheidskaart: a Spring Boot application that stores incidents and risk
 * locations, runs the hot spot and waterbed analyses and serves them as JSON, GeoJSON, OGC API and
 * map tiles to the viewer and to GIS clients. ARCHITECTURE.md traces a request through its packages.
 */
package nl.veiligheidskaart.service;
