package nl.veiligheidskaart.service.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The disclosure rules of the AVG / Wpg assessment (prefix {@code veiligheidskaart.privacy}); the
 * policy that applies them is {@code disclosure.DisclosurePolicy}.
 *
 * @param minimumCount aggregates below this count are suppressed for every role but ANALYST, so
 *     that small numbers cannot point at individuals
 * @param minimumDrawnAreaKm2 the smallest area a role other than ANALYST may draw for a count
 */
@ConfigurationProperties("veiligheidskaart.privacy")
public record PrivacyProperties(@DefaultValue("10") int minimumCount,
    @DefaultValue("1.0") double minimumDrawnAreaKm2) {
}
