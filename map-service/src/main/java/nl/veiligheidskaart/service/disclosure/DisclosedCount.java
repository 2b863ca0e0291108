package nl.veiligheidskaart.service.disclosure;

/**
 * A count as a reader may see it: the value (exact for analysts, rounded to the base otherwise), or
 * null with {@code suppressed} when it lies below the minimum count.
 */
public record DisclosedCount(Long value, boolean suppressed) {

  static final DisclosedCount SUPPRESSED = new DisclosedCount(null, true);

  public static DisclosedCount shown(long value) {
    return new DisclosedCount(value, false);
  }
}
