package nl.veiligheidskaart.service.api;

import java.time.LocalDate;

/**
 * An intervention whose waterbed check shows significant displacement into its buffer: the
 * buffer's weighted displacement difference has p below 0.05 and the buffer displacement measure
 * is above zero.
 *
 * @param bufferP the two-sided p of the buffer's WDD
 * @param interpretation the check's reading in Dutch
 */
public record WaterbedAlert(long interventionId, String type, String typeLabel, String municipality,
    String municipalityName, LocalDate date, String window, String category, boolean complete,
    double bufferDisplacementMeasure, double bufferZ, double bufferP, String interpretation) {
}
