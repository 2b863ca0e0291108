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

  /**
   * The rate per 1,000 inhabitants drawn from the count as shown (rounded where the count is), or
   * null where the count is suppressed: a rate must not reveal a count the reader may not see.
   */
  public Double ratePer1000(long inhabitants) {
    return suppressed ? null : 1000.0 * value / inhabitants;
  }
}
