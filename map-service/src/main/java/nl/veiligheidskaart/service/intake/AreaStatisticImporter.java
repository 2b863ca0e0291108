package nl.veiligheidskaart.service.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import nl.veiligheidskaart.geodata.reference.Municipality;
import nl.veiligheidskaart.geodata.reference.ReferenceGeography;
import nl.veiligheidskaart.service.api.ImportReport;
import nl.veiligheidskaart.service.store.AreaStatisticEntity;
import nl.veiligheidskaart.service.store.AreaStatisticRepository;
import org.springframework.stereotype.Service;

/**
 * Imports counts per municipality, period and category, e.g. the CBS/police table of registered
 * crime. A revised table updates the counts of the cells it repeats.
 */
@Service
class AreaStatisticImporter implements LayerImporter {

  private final AreaStatisticRepository statistics;
  private final ReferenceGeography reference;
  private final ImportTransactions transactions;

  AreaStatisticImporter(AreaStatisticRepository statistics, ReferenceGeography reference,
      ImportTransactions transactions) {
    this.statistics = statistics;
    this.reference = reference;
    this.transactions = transactions;
  }

  @Override
  public String layer() {
    return "area-statistics";
  }

  /** A checked row. */
  private record Cell(String municipality, StatisticPeriod period, String category, long count) {

    String key() {
      return municipality + '\u0000' + period.label() + '\u0000' + category;
    }
  }

  @Override
  public ImportReport importFile(Path file, String fileName, ImportMode mode, ImportProgress progress) {
    return transactions.<Cell>run(layer(), mode, run -> {
      Map<String, AreaStatisticEntity> stored = new HashMap<>();
      for (AreaStatisticEntity cell : statistics.findAll()) {
        stored.put(cell.getMunicipalityCode() + '\u0000' + cell.getPeriod() + '\u0000' + cell.getCategory(), cell);
      }
      Map<String, Long> lineOfKey = new HashMap<>();
      try (InputStream in = new ProgressInputStream(Files.newInputStream(file), progress);
          CsvRows rows = new CsvRows(in)) {
        rows.require("municipality_code", "period", "crime_type", "count");
        while (rows.hasNext()) {
          run.offer(rows.next(), check -> cell(check, lineOfKey), cell -> store(cell, stored));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private Cell cell(RowCheck check, Map<String, Long> lineOfKey) {
    String code = check.text("municipality_code", true);
    Municipality municipality = null;
    if (code != null) {
      municipality = reference.municipality(code).orElse(null);
      if (municipality == null) {
        check.fail("municipality_code", "'" + code + "' is not a municipality of Oost-Nederland");
      }
    }
    String name = check.text("municipality_name", false);
    if (municipality != null && name != null && !name.equals(municipality.name())) {
      check.fail("municipality_name", municipality.code() + " is " + municipality.name() + ", not " + name);
    }
    String periodText = check.text("period", true);
    StatisticPeriod period = null;
    if (periodText != null) {
      try {
        period = StatisticPeriod.parse(periodText);
        if (period.start().isAfter(check.today())) {
          check.fail("period", "period " + periodText + " lies in the future");
        }
      } catch (IllegalArgumentException e) {
        check.fail("period", e.getMessage());
      }
    }
    String category = check.text("crime_type", true, 255);
    Long count = check.wholeNumber("count", true, 0);
    if (!check.ok()) {
      return null;
    }
    Cell cell = new Cell(municipality.code(), period, category, count);
    Long earlier = lineOfKey.putIfAbsent(cell.key(), check.row().line());
    if (earlier != null) {
      check.fail(null, municipality.code() + " " + period.label() + " " + category + " occurs twice: also on line "
          + earlier);
      return null;
    }
    return cell;
  }

  private void store(Cell cell, Map<String, AreaStatisticEntity> stored) {
    AreaStatisticEntity existing = stored.get(cell.key());
    if (existing != null) {
      existing.setCount(cell.count());
      return;
    }
    AreaStatisticEntity created = new AreaStatisticEntity(cell.municipality(), cell.period().label(),
        cell.period().start(), cell.period().end(), cell.category(), cell.count());
    statistics.save(created);
    stored.put(cell.key(), created);
  }
}
