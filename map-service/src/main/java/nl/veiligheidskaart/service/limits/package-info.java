/**
 * Bounds on what one request may cost: body sizes, the rate of heavy requests, a server-side
 * deadline for analyses and briefings, and stopping work whose client has hung up.
 */
package nl.veiligheidskaart.service.limits;
