package nl.veiligheidskaart.service.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
  private static final Set<String> KNOWN_COLUMNS = Set.of("source_id", "category", "occurred_at", "x", "y", "lat",
      "lon", "precision", "demo");

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
        precision == null ? null : precision.name().toLowerCase(Locale.ROOT), municipality, point.x, point.y,
        attributes, demo);
  }
}
