/**
 * The reference geography in the store: the 76 municipalities, the five districts, their
 * boundaries (loaded from the geodata directory on first start) and indexes to find them.
 */
package nl.veiligheidskaart.service.geography;
