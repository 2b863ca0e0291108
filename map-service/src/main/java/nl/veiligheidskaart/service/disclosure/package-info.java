/**
 * Disclosure control (AVG / Wpg): the one policy that decides, per request, what its reader may be
 * told: raw data or aggregates only, which municipalities, which periods and drawn areas, and each
 * count exactly, rounded or suppressed. Every answer drawn from incidents or statistics passes it;
 * no other code compares a count with the minimum or decides a reader's scope.
 */
package nl.veiligheidskaart.service.disclosure;
