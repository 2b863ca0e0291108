/**
 * The waterbed check: whether crime moved from a target area to its neighbours after an
 * intervention, by the measures of {@code analysis.DisplacementMeasures} (WDQ, WDD and its test), for
 * a municipality and its neighbours or a drawn area and a ring.
 */
package nl.veiligheidskaart.service.displacement;
