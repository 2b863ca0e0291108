/**
 * The register of interventions (what was done where and when: a Damocles closure, a hemp raid,
 * an area ban) and the waterbed check that follows each one by itself, its alerts, and the
 * administrative instruments each municipality has in force with the gaps between neighbours.
 * Core: no HTTP; who may do what is checked against the reader's disclosure policy.
 */
package nl.veiligheidskaart.service.interventions;
