/**
 * Briefing packs for the district and the BBG: one PDF with a map page per theme, key figures
 * per municipality and the waterbed overview, each figure passed through the disclosure policy.
 */
package nl.veiligheidskaart.service.briefings;
