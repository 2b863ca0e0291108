package nl.veiligheidskaart.service.store;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * What the register says of a holiday park, with the signals that point to misuse, as one value:
 * an import replaces it whole.
 */
@Embeddable
public record HolidayParkAttributes(
    @Column(nullable = false) String name,
    @Column(name = "unit_count") Integer unitCount,
    @Column(name = "permanent_residence_signal", nullable = false) boolean permanentResidenceSignal,
    @Column(name = "subversion_signal", nullable = false) boolean subversionSignal) {
}
