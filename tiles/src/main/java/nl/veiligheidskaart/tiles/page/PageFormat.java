package nl.veiligheidskaart.tiles.page;

/** A paper size and orientation, in PostScript points (1/72 inch). */
public record PageFormat(String size, boolean landscape, float width, float height) {

  public static PageFormat of(String size, boolean landscape) {
    float[] portrait = switch (size) {
      case "A4" -> new float[] {595.28f, 841.89f};
      case "A3" -> new float[] {841.89f, 1190.55f};
      default -> throw new IllegalArgumentException("paper size is A4 or A3, not " + size);
    };
    return landscape ? new PageFormat(size, true, portrait[1], portrait[0])
        : new PageFormat(size, false, portrait[0], portrait[1]);
  }
}
