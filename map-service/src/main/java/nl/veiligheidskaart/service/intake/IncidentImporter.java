package nl.veiligheidskaart.service.intake;

import static nl.veiligheidskaart.service.config.Zones.NETHERLANDS;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.veiligheidskaart.service.api.ImportReport;
import nl.veiligheidskaart.service.config.IncidentCategories;
import org.locationtech.jts.geom.Coordinate;
import org.springframework.stereotype.Service;

/**
 * Imports incident CSV (format v1, see docs/import-formats.md), streaming: memory stays flat
 * whatever the file size, apart from the source_ids seen (to refuse duplicates).
 */
@Service
public class IncidentImporter implements LayerImporter {

  /** Columns with a meaning; any other column becomes a free attribute. */
  private static final Set<String> KNOWN_COLUMNS = Set.of("source_id", "category", "occurred_at", "occurred_to", "x",
      "y", "lat", "lon", "precision", "demo");
  /** A window longer than this says nothing of the hour or the weekday of an incident. */
  static final Duration LONGEST_WINDOW = Duration.ofDays(31);

  private final Placements placements;
  private final IncidentSinks sinks;
  private final ImportTransactions transactions;
  private final IncidentCategories categories;

  IncidentImporter(Placements placements, IncidentSinks sinks, ImportTransactions transactions,
      IncidentCategories categories) {
    this.placements = placements;
    this.sinks = sinks;
    this.transactions = transactions;
    this.categories = categories;
  }

  @Override
  public String layer() {
    return "incidents";
  }

  @Override
  public ImportReport importFile(Path file, String fileName, ImportMode mode, ImportProgress progress) {
    Placement placement = placements.newest();
    return transactions.<IncidentRecord>run(layer(), mode, run -> {
      long lastIdBefore = sinks.lastId();
      try (InputStream in = new ProgressInputStream(Files.newInputStream(file), progress);
          CsvRows rows = new CsvRows(in);
          IncidentSink sink = sinks.open()) {
        rows.require("source_id", "category", "occurred_at");
        LocationColumns location = LocationColumns.of(rows.header());
        List<String> attributeColumns = rows.header().stream().filter(c -> !KNOWN_COLUMNS.contains(c)).toList();
        while (rows.hasNext()) {
          run.offer(rows.next(), check -> incident(check, run, location, placement, attributeColumns), sink::add);
        }
        if (!run.mustRollBack()) {
          sink.finish();
          // every accepted row a new one: the in-memory index then reads just those
          if (sinks.storedAfter(lastIdBefore) == run.accepted()) {
            run.onlyAppendedAfter(lastIdBefore);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private IncidentRecord incident(RowCheck check, ImportRun<IncidentRecord> run, LocationColumns location,
      Placement placement, List<String> attributeColumns) {
    String sourceId = check.text("source_id", true, 255);
    run.uniqueSourceId(check, sourceId);
    String category = check.text("category", true);
    if (category != null && !categories.contains(category)) {
      check.fail("category", "'" + category + "' is not a known category; known are " + categories.known());
    }
    RowCheck.OccurredAt occurredAt = check.occurredAt("occurred_at");
    Instant occurredTo = occurredTo(check, occurredAt);
    LocationPrecision precision = check.choice("precision", LocationPrecision.class, false);
    Boolean demo = check.bool("demo", false);
    Coordinate point = location.read(check);
    String municipality = point == null ? null : placement.municipality(check, location.column(), point);
    if (!check.ok()) {
      return null;
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    for (String column : attributeColumns) {
      String value = check.row().values().get(column);
      if (value != null) {
        attributes.put(column, value);
      }
    }
    return new IncidentRecord(sourceId, category.toLowerCase(Locale.ROOT), occurredAt.instant(), occurredAt.hasTime(),
        occurredTo, precision == null ? null : precision.name().toLowerCase(Locale.ROOT), municipality, point.x, point.y,
        attributes, demo);
  }

  /**
   * The end of the window the incident happened in: a date-time, or a date meaning up to the end of
   * that day (the start of the next, Dutch time); not before {@code occurred_at}, at most
   * {@link #LONGEST_WINDOW} after it. Null when the column is absent or empty.
   */
  private static Instant occurredTo(RowCheck check, RowCheck.OccurredAt occurredAt) {
    RowCheck.OccurredAt to = check.occurredAt("occurred_to", false);
    if (to == null) {
      return null;
    }
    Instant end = to.hasTime() ? to.instant()
        : to.instant().atZone(NETHERLANDS).toLocalDate().plusDays(1).atStartOfDay(NETHERLANDS).toInstant();
    if (occurredAt == null) {
      return end;
    }
    // a date as the end is compared by date: occurred_at 1 March 08:00 to 1 March is that day's rest
    boolean before = to.hasTime() ? end.isBefore(occurredAt.instant())
        : to.instant().isBefore(occurredAt.instant().atZone(NETHERLANDS).toLocalDate().atStartOfDay(NETHERLANDS)
            .toInstant());
    if (before) {
      check.fail("occurred_to", "occurred_to (" + check.row().values().get("occurred_to")
          + ") lies before occurred_at (" + check.row().values().get("occurred_at") + ")");
    } else if (Duration.between(occurredAt.instant(), end).compareTo(LONGEST_WINDOW) > 0) {
      check.fail("occurred_to", "occurred_to (" + check.row().values().get("occurred_to")
          + ") lies more than " + LONGEST_WINDOW.toDays() + " days after occurred_at ("
          + check.row().values().get("occurred_at") + "): such a window says nothing of when it happened");
    }
    return end;
  }
}
