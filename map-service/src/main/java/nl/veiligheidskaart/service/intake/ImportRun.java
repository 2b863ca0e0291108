package nl.veiligheidskaart.service.intake;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import nl.veiligheidskaart.service.api.ImportReport;
import nl.veiligheidskaart.service.api.RowError;

/**
 * The bookkeeping of one import: checks each row, hands the good ones to the store (in strict
 * mode only until the first bad one, since the transaction will be rolled back anyway), counts,
 * and keeps the first errors for the report.
 *
 * @param <T> the validated value of a row
 */
final class ImportRun<T> {

  /** The report lists this many errors at most; the count is always complete. */
  static final int LISTED_ERRORS = 100;

  /**
   * Rows of a risk-location file (hemp sites, holiday parks, clubhouses): registers of hundreds to
   * a few thousand. These rows are stored one entity at a time (a lookup and a write each), all
   * held by the transaction until its commit, so a bound keeps an import to seconds and its memory small.
   */
  static final long MAX_RISK_LOCATIONS = 20_000;

  private final ImportMode mode;
  private final Clock clock;
  private final long maxRows;
  private final Map<String, Long> lineOfSourceId = new HashMap<>();
  private final List<RowError> errors = new ArrayList<>();
  private final List<RowError> warnings = new ArrayList<>();
  private long accepted;
  private long rejected;
  private long errorCount;
  private Long appendedAfter;

  ImportRun(ImportMode mode, Clock clock, long maxRows) {
    this.mode = mode;
    this.clock = clock;
    this.maxRows = maxRows;
  }

  /**
   * Checks one row with {@code validate} (which returns null when it found errors) and passes a
   * good row to {@code store}.
   */
  void offer(SourceRow row, Function<RowCheck, T> validate, Consumer<T> store) {
    if (accepted + rejected == maxRows) {
      throw new ImportFileException(row.line(), null, "the file has more than " + maxRows
          + " rows, the most one import of this layer takes; split it");
    }
    RowCheck check = new RowCheck(row, clock);
    T value = row.malformed() == null ? validate.apply(check) : null;
    if (!check.ok() || value == null) {
      rejected++;
      errorCount += check.errors().size();
      check.errors().stream().limit(Math.max(0, LISTED_ERRORS - errors.size())).forEach(errors::add);
      return;
    }
    accepted++;
    if (!mustRollBack()) {
      store.accept(value);
    }
  }

  /** Records the source_id of a row, failing the row when an earlier row of the file had it. */
  void uniqueSourceId(RowCheck check, String sourceId) {
    if (sourceId == null) {
      return;
    }
    Long earlier = lineOfSourceId.putIfAbsent(sourceId, check.row().line());
    if (earlier != null) {
      check.fail("source_id", "source_id '" + sourceId + "' occurs twice: also on line " + earlier);
    }
  }

  void warn(long line, String column, String message) {
    if (warnings.size() < LISTED_ERRORS) {
      warnings.add(new RowError(line, column, message));
    }
  }

  /** In strict mode any bad row means the whole file must not be stored. */
  boolean mustRollBack() {
    return mode == ImportMode.STRICT && rejected > 0;
  }

  long accepted() {
    return accepted;
  }

  /** Notes that the import only added rows, all with ids above {@code lastIdBefore}. */
  void onlyAppendedAfter(long lastIdBefore) {
    appendedAfter = lastIdBefore;
  }

  /** See {@link nl.veiligheidskaart.service.store.DataChangedEvent#appendedAfter()}. */
  Long appendedAfter() {
    return appendedAfter;
  }

  ImportReport report() {
    return new ImportReport(accepted, rejected, errorCount, List.copyOf(errors), List.copyOf(warnings));
  }
}
