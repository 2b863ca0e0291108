/**
 * Map snapshots for briefings: the viewer's layers drawn as PNG or PDF with title, legend,
 * marking, period and source, by the same composer as the tiles.
 */
package nl.veiligheidskaart.service.snapshots;
