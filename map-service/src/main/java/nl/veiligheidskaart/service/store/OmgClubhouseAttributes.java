package nl.veiligheidskaart.service.store;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;

/**
 * What the register says of an OMG clubhouse, as one value: an import replaces it whole.
 *
 * @param riskClass the class assigned by the risk-classification instrument
 * @param civilBan whether the club is banned by a civil court
 */
@Embeddable
public record OmgClubhouseAttributes(
    @Column(nullable = false) String club,
    String chapter,
    @Enumerated(EnumType.STRING) @Column(nullable = false, length = 16) ClubhouseStatus status,
    @Column(name = "risk_class", length = 32) String riskClass,
    @Column(name = "civil_ban", nullable = false) boolean civilBan,
    @Column(name = "opened_on") LocalDate openedOn,
    @Column(name = "closed_on") LocalDate closedOn) {
}
