/**
 * The analyses: pure functions over arrays and JTS geometries, with no Spring, no persistence and
 * no HTTP, so that they can be tested as data in, data out and later run in a batch engine.
 * Formulas follow DESIGN.md exactly.
 */
package nl.veiligheidskaart.service.analysis;
