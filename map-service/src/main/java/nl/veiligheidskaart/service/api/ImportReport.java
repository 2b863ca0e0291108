package nl.veiligheidskaart.service.api;

import java.util.List;

/**
 * The outcome of one import.
 *
 * @param accepted rows stored (or, after a strict rejection, rows that were valid but not stored)
 * @param rejected rows with at least one error
 * @param errorCount all errors found; {@code errors} lists only the first ones
 * @param warnings rows accepted after a repair the user should know about (e.g. a fixed polygon)
 */
public record ImportReport(long accepted, long rejected, long errorCount, List<RowError> errors,
    List<RowError> warnings) {
}
