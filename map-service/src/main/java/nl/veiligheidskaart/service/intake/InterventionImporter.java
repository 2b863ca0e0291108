package nl.veiligheidskaart.service.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.veiligheidskaart.service.api.ImportReport;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.geography.DrawnArea;
import nl.veiligheidskaart.service.interventions.InterventionService;
import nl.veiligheidskaart.service.interventions.InterventionService.Checked;
import nl.veiligheidskaart.service.interventions.InterventionService.Registration;
import nl.veiligheidskaart.service.store.InterventionRepository;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports interventions from CSV in the columns of the register's export
 * ({@code interventions/InterventionCsv}): {@code type, municipality, date, categories} (comma-separated
 * within the cell), {@code description}, and a drawn area as a GeoJSON geometry in CRS84 in
 * {@code geometry}. Each row is checked by the register's own rules, its errors named by line and
 * column; a row with an {@code id} replaces that intervention, one without is a new one.
 */
@Service
class InterventionImporter implements LayerImporter {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final InterventionService interventions;
  private final InterventionRepository stored;
  private final ImportTransactions transactions;

  InterventionImporter(InterventionService interventions, InterventionRepository stored,
      ImportTransactions transactions) {
    this.interventions = interventions;
    this.stored = stored;
    this.transactions = transactions;
  }

  @Override
  public String layer() {
    return "interventions";
  }

  /** A checked row: the intervention it replaces (null for a new one) and what it says. */
  private record Row(Long id, Checked intervention) {
  }

  @Override
  public ImportReport importFile(Path file, String fileName, ImportMode mode, ImportProgress progress) {
    String importedBy = "import of " + fileName;
    return transactions.<Row>run(layer(), mode, run -> {
      Map<Long, Long> lineOfId = new HashMap<>();
      try (InputStream in = new ProgressInputStream(Files.newInputStream(file), progress);
          CsvRows rows = new CsvRows(in)) {
        rows.require("type", "date", "categories");
        if (!rows.header().contains("municipality") && !rows.header().contains("geometry")) {
          throw new ImportFileException(1, "municipality", "the header needs a column 'municipality' or 'geometry'; "
              + "found " + String.join(",", rows.header()));
        }
        while (rows.hasNext()) {
          run.offer(rows.next(), check -> row(check, lineOfId),
              row -> interventions.store(row.intervention(), row.id(), importedBy));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private Row row(RowCheck check, Map<Long, Long> lineOfId) {
    Long id = check.wholeNumber("id", false, 1);
    if (id != null) {
      Long earlier = lineOfId.putIfAbsent(id, check.row().line());
      if (earlier != null) {
        check.fail("id", "id " + id + " occurs twice: also on line " + earlier);
      } else if (!stored.existsById(id)) {
        check.fail("id", "there is no intervention " + id + " to replace; leave id empty for a new one");
      }
    }
    String type = check.text("type", true);
    String municipality = check.text("municipality", false);
    var date = check.date("date", true);
    String categories = check.text("categories", true);
    String description = check.text("description", false);
    Geometry area = null;
    String geometry = check.text("geometry", false);
    if (geometry != null) {
      try {
        JsonNode node = JSON.readTree(geometry);
        area = DrawnArea.read(node, "geometry");
      } catch (JacksonException e) {
        check.fail("geometry", "not GeoJSON: " + e.getOriginalMessage());
      } catch (InvalidParameterException e) {
        check.fail("geometry", e.getMessage());
      }
    }
    if (!check.ok()) {
      return null;
    }
    try {
      return new Row(id, interventions.check(new Registration(type, municipality, area, date,
          List.of(categories), description)));
    } catch (InvalidParameterException e) {
      check.fail(e.parameter(), e.getMessage());
      return null;
    }
  }
}
