/**
 * Configuration: the typed {@code veiligheidskaart.*} properties, the embedded database set-up,
 * the clock, the time zone of the figures and the incident categories.
 */
package nl.veiligheidskaart.service.config;
