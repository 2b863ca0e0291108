package nl.veiligheidskaart.service.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The disclosure rules of the AVG / Wpg assessment (prefix {@code veiligheidskaart.privacy}).
 *
 * @param minimumCount aggregates below this count are suppressed for every role but ANALYST, so
 *     that small numbers cannot point at individuals
 */
@ConfigurationProperties("veiligheidskaart.privacy")
public record PrivacyProperties(@DefaultValue("10") int minimumCount) {
}
