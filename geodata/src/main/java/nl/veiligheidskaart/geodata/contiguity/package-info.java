/**
 * Which municipalities border on which: queen contiguity, for the waterbed buffer and spatial weights.
 */
package nl.veiligheidskaart.geodata.contiguity;
