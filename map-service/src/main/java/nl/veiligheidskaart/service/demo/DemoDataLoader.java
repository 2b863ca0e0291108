package nl.veiligheidskaart.service.demo;

import static nl.veiligheidskaart.service.config.Zones.NETHERLANDS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.stream.Stream;
import nl.veiligheidskaart.geodata.reference.ReferenceGeography;
import nl.veiligheidskaart.service.api.ImportReport;
import nl.veiligheidskaart.service.config.VeiligheidskaartProperties;
import nl.veiligheidskaart.service.geography.BoundaryIndexes;
import nl.veiligheidskaart.service.intake.ImportMode;
import nl.veiligheidskaart.service.intake.ImportProgress;
import nl.veiligheidskaart.service.intake.Importers;
import nl.veiligheidskaart.service.store.AreaStatisticRepository;
import nl.veiligheidskaart.service.store.IncidentRepository;
import nl.veiligheidskaart.service.store.PopulationRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the first start of the service (not of a command-line command): loads the synthetic
 * demonstration data and the real registered-crime and population tables from the geodata dir, so a newcomer sees
 * a working map at once. The demo data goes through the same validated import as user files and
 * is flagged {@code demo} in the store and in every output. {@code veiligheidskaart.demo-data=false}
 * turns this off.
 */
@Component
@Order(3)
@ConditionalOnWebApplication
class DemoDataLoader implements ApplicationRunner {

  static final String REGISTERED_CRIME_FILE = "registered-crime-oost-nederland.csv";
  static final String POPULATION_FILE = "population-oost-nederland.csv";
  private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

  private final VeiligheidskaartProperties properties;
  private final BoundaryIndexes boundaries;
  private final ReferenceGeography reference;
  private final Importers importers;
  private final IncidentRepository incidents;
  private final AreaStatisticRepository areaStatistics;
  private final PopulationRepository population;
  private final Clock clock;

  DemoDataLoader(VeiligheidskaartProperties properties, BoundaryIndexes boundaries, ReferenceGeography reference,
      Importers importers, IncidentRepository incidents, AreaStatisticRepository areaStatistics, PopulationRepository population,
      Clock clock) {
    this.properties = properties;
    this.boundaries = boundaries;
    this.reference = reference;
    this.importers = importers;
    this.incidents = incidents;
    this.areaStatistics = areaStatistics;
    this.population = population;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    if (!properties.demoData()) {
      return;
    }
    loadTable(REGISTERED_CRIME_FILE, "area-statistics", areaStatistics.count(), "area statistics (registered crime)");
    loadTable(POPULATION_FILE, "population", population.count(), "population figures (inhabitants on 1 January)");
    if (incidents.count() > 0) {
      return;
    }
    Integer vintage = boundaries.newestVintage().orElse(null);
    if (vintage == null) {
      log.warn("Demo data not loaded: it needs the municipal boundaries, which are not loaded");
      return;
    }
    DemoDataGenerator generator = new DemoDataGenerator(boundaries.boundaries(vintage), reference,
        DemoDataGenerator.DEFAULT_SEED, LocalDate.now(clock.withZone(NETHERLANDS)),
        DemoDataGenerator.DEFAULT_INCIDENT_COUNT);
    Path dir = Files.createTempDirectory("veiligheidskaart-demo-");
    try {
      DemoDataGenerator.DemoFiles files = generator.writeFiles(dir);
      load(files.incidents(), "incidents");
      load(files.hempSites(), "hemp-sites");
      load(files.holidayParks(), "holiday-parks");
      load(files.omgClubhouses(), "omg-clubhouses");
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
      }
    }
  }

  /** Imports a real reference table of the geodata dir into an empty store table. */
  private void loadTable(String fileName, String layer, long storedRows, String what) {
    Path file = properties.geodataDir().resolve(fileName);
    if (storedRows > 0 || !Files.isRegularFile(file)) {
      return;
    }
    ImportReport report = importers.forLayer(layer).orElseThrow()
        .importFile(file, file.getFileName().toString(), ImportMode.STRICT, ImportProgress.NONE);
    if (report.errorCount() > 0) {
      log.error("The table {} was not loaded: {}", file, report.errors());
    } else {
      log.info("Loaded {} {} from {}", report.accepted(), what, file);
    }
  }

  /** Imports one demo file strictly: a rejection here is a bug in the generator. */
  private void load(Path file, String layer) {
    ImportReport report = importers.forLayer(layer).orElseThrow()
        .importFile(file, file.getFileName().toString(), ImportMode.STRICT, ImportProgress.NONE);
    if (report.errorCount() > 0) {
      throw new IllegalStateException("The generated demo " + layer + " were refused: " + report.errors());
    }
    log.info("Loaded {} demo {} (synthetic, flagged demo)", report.accepted(), layer);
  }
}
