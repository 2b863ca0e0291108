package nl.veiligheidskaart.service.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.LocalDate;

/**
 * The waterbed check of an intervention for one window each side of its date and one of its
 * categories: the fields of {@code GET /api/v1/analysis/displacement} for the same target,
 * category, {@code interventionDate} and {@code window}, with the same numbers, beside whether the
 * after period has ended.
 *
 * @param window the period before and after the date, ISO 8601 ({@code P3M}, {@code P6M}, {@code P12M})
 * @param complete whether the after period has ended; until then its counts are of the days so far
 * @param completeOn the first day after the after period: the check is complete from then on
 * @param result the displacement check as the endpoint answers it (its fields written in place);
 *     null when the reader's account may not have it
 * @param refused why the reader's account may not have it (the refusal the endpoint would give), else null
 */
public record WaterbedCheck(String window, boolean complete, LocalDate completeOn,
    @JsonUnwrapped DisplacementResult result, @JsonInclude(JsonInclude.Include.NON_NULL) String refused) {
}
