package nl.veiligheidskaart.service.store;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;

/**
 * What the register says of a dismantled hemp plantation, as one value: an import replaces it whole.
 *
 * @param intervention e.g. a closure under the Damocles article of the Opium Act
 * @param source who reported it
 */
@Embeddable
public record HempSiteAttributes(
    @Column(name = "found_on", nullable = false) LocalDate foundOn,
    @Column(name = "dismantled_on") LocalDate dismantledOn,
    @Column(name = "plant_count") Integer plantCount,
    @Enumerated(EnumType.STRING) @Column(name = "site_type", nullable = false, length = 32) HempSiteType siteType,
    @Column(name = "fire_hazard", nullable = false) boolean fireHazard,
    String intervention,
    String source) {
}
