/**
 * Who the reader is, as every layer needs to know it: the roles of the safety network and how
 * to read role and municipality from an authentication. Below both {@code security}, which signs
 * readers in, and {@code audit} and {@code disclosure}, which act on who they are.
 */
package nl.veiligheidskaart.service.identity;
