/**
 * Printed pages: map pages (marking, title, map, scale bar, legends, notes) and text pages for
 * briefing packs, as PNG or PDF (PDFBox).
 */
package nl.veiligheidskaart.tiles.page;
