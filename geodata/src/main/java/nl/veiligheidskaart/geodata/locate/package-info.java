/**
 * Finding the municipality a point lies in, for assigning incidents at import.
 */
package nl.veiligheidskaart.geodata.locate;
