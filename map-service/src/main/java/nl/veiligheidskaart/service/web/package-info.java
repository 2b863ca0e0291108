/**
 * The HTTP layer: thin controllers that validate request parameters, ask the disclosure policy
 * and delegate to the core; problem+json for every error; the OGC landing, conformance and HTML pages.
 */
package nl.veiligheidskaart.service.web;
