package nl.veiligheidskaart.tiles.page;

/**
 * A mark across every page that says what the figures are, e.g. "DEMODATA" over synthetic data:
 * {@code text} large and diagonal over the page, {@code sourceLine} at the foot of text pages (map
 * pages carry their source in their notes).
 */
public record Watermark(String text, String sourceLine) {
}
