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
import nl.veiligheidskaart.service.store.PopulationEntity;
import nl.veiligheidskaart.service.store.PopulationRepository;
import org.springframework.stereotype.Service;

/**
 * Imports inhabitants per municipality on 1 January of a year ({@code code, name, year, population,
 * source}, as CBS publishes them). A revised figure for a municipality and year replaces the stored one.
 */
@Service
class PopulationImporter implements LayerImporter {

  private static final int EARLIEST_YEAR = 1900;

  private final PopulationRepository population;
  private final ReferenceGeography reference;
  private final ImportTransactions transactions;

  PopulationImporter(PopulationRepository population, ReferenceGeography reference,
      ImportTransactions transactions) {
    this.population = population;
    this.reference = reference;
    this.transactions = transactions;
  }

  @Override
  public String layer() {
    return "population";
  }

  /** A checked row. */
  private record Figure(String municipality, int year, long inhabitants, String source) {

    String key() {
      return municipality + ' ' + year;
    }
  }

  @Override
  public ImportReport importFile(Path file, String fileName, ImportMode mode, ImportProgress progress) {
    return transactions.<Figure>run(layer(), mode, run -> {
      Map<String, PopulationEntity> stored = new HashMap<>();
      for (PopulationEntity figure : population.findAll()) {
        stored.put(figure.getMunicipalityCode() + ' ' + figure.getYear(), figure);
      }
      Map<String, Long> lineOfKey = new HashMap<>();
      try (InputStream in = new ProgressInputStream(Files.newInputStream(file), progress);
          CsvRows rows = new CsvRows(in)) {
        rows.require("code", "year", "population", "source");
        while (rows.hasNext()) {
          run.offer(rows.next(), check -> figure(check, lineOfKey), figure -> store(figure, stored));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private Figure figure(RowCheck check, Map<String, Long> lineOfKey) {
    String code = check.text("code", true);
    Municipality municipality = null;
    if (code != null) {
      municipality = reference.municipality(code).orElse(null);
      if (municipality == null) {
        check.fail("code", "'" + code + "' is not a municipality of Oost-Nederland");
      }
    }
    String name = check.text("name", false);
    if (municipality != null && name != null && !name.equals(municipality.name())) {
      check.fail("name", municipality.code() + " is " + municipality.name() + ", not " + name);
    }
    Long year = check.wholeNumber("year", true, EARLIEST_YEAR);
    // Inhabitants are counted on 1 January: a later year has no figure yet.
    if (year != null && year > check.today().getYear()) {
      check.fail("year", "year " + year + " lies in the future");
    }
    Long inhabitants = check.wholeNumber("population", true, 1);
    String source = check.text("source", true, 255);
    if (!check.ok()) {
      return null;
    }
    Figure figure = new Figure(municipality.code(), year.intValue(), inhabitants, source);
    Long earlier = lineOfKey.putIfAbsent(figure.key(), check.row().line());
    if (earlier != null) {
      check.fail(null, figure.key() + " occurs twice: also on line " + earlier);
      return null;
    }
    return figure;
  }

  private void store(Figure figure, Map<String, PopulationEntity> stored) {
    PopulationEntity existing = stored.get(figure.key());
    if (existing != null) {
      existing.revise(figure.inhabitants(), figure.source());
      return;
    }
    PopulationEntity created = new PopulationEntity(figure.municipality(), figure.year(), figure.inhabitants(),
        figure.source());
    population.save(created);
    stored.put(figure.key(), created);
  }
}
