/**
 * The audit trail the AVG and the Police Data Act ask for: every request, refused ones included,
 * leaves a row (who, what, which area and period, outcome, how much was handed out), written by a
 * filter inside the security chain; and the watch for differencing by bursts of narrow queries.
 */
package nl.veiligheidskaart.service.audit;
