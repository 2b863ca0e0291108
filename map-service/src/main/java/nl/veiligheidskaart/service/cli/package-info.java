/**
 * The command line of the service jar: import, user, demo and backup/restore commands, run
 * without the web server on the same store and with the same validation as the HTTP API.
 */
package nl.veiligheidskaart.service.cli;
