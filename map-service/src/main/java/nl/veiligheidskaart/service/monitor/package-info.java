/**
 * The strategy seen from its targets: the areas it reports on (unit, district, municipality; a
 * district's figures add up from its municipalities), the strategy monitor (each theme's indicator
 * against its baseline year and target), and the profiles built on it.
 */
package nl.veiligheidskaart.service.monitor;
