/**
 * Municipal boundary files (CBS/PDOK and own exports) read into RD New boundaries per vintage,
 * and district areas dissolved from their municipalities.
 */
package nl.veiligheidskaart.geodata.boundary;
