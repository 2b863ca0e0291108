package nl.veiligheidskaart.service.api;

/**
 * A count for one municipality, period and category.
 *
 * @param count null when suppressed: below the minimum count that may be shown to the reader's role
 */
public record AreaStatistic(String municipality, String period, String category, Long count, boolean suppressed) {
}
