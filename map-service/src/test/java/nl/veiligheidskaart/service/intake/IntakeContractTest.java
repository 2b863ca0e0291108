package nl.veiligheidskaart.service.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.veiligheidskaart.service.SharedGeodata;
import nl.veiligheidskaart.service.api.ImportReport;
import nl.veiligheidskaart.service.api.RowError;
import nl.veiligheidskaart.service.intake.Fixtures.StoredIncident;
import nl.veiligheidskaart.service.layers.IncidentLayer;
import nl.veiligheidskaart.service.store.AreaStatisticEntity;
import nl.veiligheidskaart.service.store.AreaStatisticRepository;
import nl.veiligheidskaart.service.store.DataChangedEvent;
import nl.veiligheidskaart.service.store.HempSiteRepository;
import nl.veiligheidskaart.service.store.HolidayParkEntity;
import nl.veiligheidskaart.service.store.HolidayParkRepository;
import nl.veiligheidskaart.service.store.IncidentFilter;
import nl.veiligheidskaart.service.store.IncidentRepository;
import nl.veiligheidskaart.service.store.OmgClubhouseRepository;
import nl.veiligheidskaart.service.store.PopulationEntity;
import nl.veiligheidskaart.service.store.PopulationRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Every import path and every rejection rule, on each database the service supports (H2GIS
 * embedded, PostGIS with the COPY path): what users rely on is the same on both.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "veiligheidskaart.demo-data=false")
@RecordApplicationEvents
abstract class IntakeContractTest {

  @Autowired Importers importers;
  @Autowired IncidentRepository incidents;
  @Autowired HempSiteRepository hempSites;
  @Autowired HolidayParkRepository holidayParks;
  @Autowired OmgClubhouseRepository clubhouses;
  @Autowired AreaStatisticRepository areaStatistics;
  @Autowired PopulationRepository population;
  @Autowired IncidentLayer incidentLayer;
  @Autowired ApplicationEvents events;

  @TempDir
  Path work;

  @BeforeEach
  @AfterEach
  void emptyStore() {
    incidents.deleteAllInBatch();
    hempSites.deleteAllInBatch();
    holidayParks.deleteAllInBatch();
    clubhouses.deleteAllInBatch();
    areaStatistics.deleteAllInBatch();
    population.deleteAllInBatch();
  }

  ImportReport importFile(String layer, Path file, ImportMode mode) {
    return importers.forLayer(layer).orElseThrow().importFile(file, file.getFileName().toString(), mode,
        ImportProgress.NONE);
  }

  ImportReport importIncidents(String fixture, ImportMode mode) {
    return importFile("incidents", Fixtures.file(fixture), mode);
  }

  @Test
  void aValidFileStoresEveryIncidentInItsMunicipality() {
    ImportReport report = importIncidents("incidents-valid.csv", ImportMode.STRICT);

    assertThat(report.accepted()).isEqualTo(5);
    assertThat(report.rejected()).isZero();
    assertThat(report.errors()).isEmpty();
    List<StoredIncident> stored = Fixtures.stored(incidents);
    assertThat(stored).extracting(StoredIncident::sourceId, StoredIncident::category, StoredIncident::occurredAt,
            StoredIncident::hasTime, StoredIncident::precision, StoredIncident::municipality, StoredIncident::point)
        .containsExactly(
            // local time without offset is Amsterdam time: 21:30 CET = 20:30 UTC
            tuple("BVH-001", "woninginbraak", "2024-03-01T20:30:00Z", true, "address", "GM0200", "POINT (194215 469380)"),
            // a date only is midnight in Amsterdam; category codes are case-insensitive
            tuple("BVH-002", "jeugdoverlast", "2024-03-01T23:00:00Z", false, null, "GM0193",
                "POINT (203300.5 502300.25)"),
            tuple("BVH-003", "verward-gedrag", "2024-03-02T20:30:15Z", true, "exact", "GM0268", "POINT (187900 428800)"),
            tuple("BVH-004", "hennep", "2024-03-03T09:00:00Z", true, "street", "GM0153", "POINT (258000 471000)"),
            tuple("BVH-005", "cybercrime", "2023-12-31T22:59:59Z", true, "municipality", "GM0150",
                "POINT (216000 474000)"));
    assertThat(stored.get(0).attributes()).isEqualTo(Map.of("modus", "raam geforceerd"));
    assertThat(stored.get(1).attributes()).isEmpty();
    assertThat(stored.get(2).attributes()).isEqualTo(Map.of("modus", "melding E33, \"onrustig\""));
    assertThat(stored.get(3).attributes()).isEqualTo(Map.of("modus", "twee\nregels"));
  }

  @Test
  void latitudeLongitudeIsTransformedToRdNew() {
    assertThat(importIncidents("incidents-valid-latlon.csv", ImportMode.STRICT).accepted()).isEqualTo(2);

    assertThat(Fixtures.stored(incidents)).extracting(StoredIncident::municipality)
        .containsExactly("GM0193", "GM0150");
    assertThat(incidents.findBySourceId("LL-001").orElseThrow().getGeometry().getSRID()).isEqualTo(28992);
    assertThat(incidents.findBySourceId("LL-001").orElseThrow().getGeometry().getX()).isBetween(202_000.0, 205_000.0);
  }

  @Test
  void aPointOutsideOostNederlandIsRefused() {
    assertRejected("incidents-outside-oost-nederland.csv",
        new RowError(3, "x", "the point (136000, 456000 in RD New) lies outside the municipalities of "
            + "Oost-Nederland (more than 500 m from the nearest)"));
  }

  @Test
  void anOccurredToGivesTheWindowTheIncidentHappenedIn() {
    ImportReport report = importIncidents("incidents-time-windows.csv", ImportMode.STRICT);

    assertThat(report.accepted()).isEqualTo(4);
    assertThat(Fixtures.stored(incidents)).extracting(StoredIncident::sourceId, StoredIncident::occurredAt,
        StoredIncident::occurredTo).containsExactly(
            // Friday 17:00 to Monday 08:00, Dutch time
            tuple("TW-001", "2024-03-01T16:00:00Z", "2024-03-04T07:00:00Z"),
            // an empty occurred_to: a moment, as in files without the column
            tuple("TW-002", "2024-03-01T20:30:00Z", null),
            // a date as the end: up to the end of that day
            tuple("TW-003", "2024-02-29T23:00:00Z", "2024-03-03T23:00:00Z"),
            tuple("TW-004", "2024-03-01T21:00:00Z", "2024-03-01T21:00:00Z"));
  }

  @Test
  void anOccurredToBeforeOccurredAtOrFarAfterItIsRefusedByLine() {
    ImportReport report = importIncidents("incidents-bad-time-windows.csv", ImportMode.STRICT);

    assertThat(report.errors()).extracting(RowError::line, RowError::column).containsExactly(
        tuple(2L, "occurred_to"), tuple(3L, "occurred_to"), tuple(4L, "occurred_to"), tuple(5L, "occurred_to"));
    assertThat(report.errors()).extracting(RowError::message).satisfiesExactly(
        m -> assertThat(m).isEqualTo("occurred_to (2024-03-01T17:00) lies before occurred_at (2024-03-04T08:00)"),
        m -> assertThat(m).isEqualTo("occurred_to (2024-02-29) lies before occurred_at (2024-03-01)"),
        m -> assertThat(m).startsWith("occurred_to (2024-03-01T08:00) lies more than 31 days after occurred_at"),
        m -> assertThat(m).startsWith("'maandag' is not a date or date-time"));
    assertThat(incidents.count()).as("nothing half-written").isZero();
  }

  @Test
  void impossibleDatesAreRefusedEachWithItsReason() {
    ImportReport report = importIncidents("incidents-impossible-dates.csv", ImportMode.STRICT);

    assertThat(report.errors()).extracting(RowError::line, RowError::column).containsExactly(
        tuple(2L, "occurred_at"), tuple(3L, "occurred_at"), tuple(4L, "occurred_at"), tuple(5L, "occurred_at"),
        tuple(6L, "occurred_at"));
    assertThat(report.errors()).extracting(RowError::message).satisfiesExactly(
        m -> assertThat(m).isEqualTo("'2024-02-30' is not a date or date-time (expected e.g. 2024-03-01 or "
            + "2024-03-01T21:30; this day or time does not exist)"),
        m -> assertThat(m).isEqualTo("2999-01-01 lies in the future"),
        m -> assertThat(m).startsWith("'gisteren' is not a date or date-time"),
        m -> assertThat(m).isEqualTo("1850-06-01 lies before 1900-01-01"),
        m -> assertThat(m).contains("this day or time does not exist"));
    assertThat(incidents.count()).isZero();
  }

  @Test
  void anUnknownCategoryIsRefusedNamingTheKnownOnes() {
    ImportReport report = importIncidents("incidents-unknown-category.csv", ImportMode.STRICT);

    assertThat(report.errors()).singleElement().satisfies(error -> {
      assertThat(error.line()).isEqualTo(2);
      assertThat(error.column()).isEqualTo("category");
      assertThat(error.message()).startsWith("'fietsendiefstal' is not a known category; known are ")
          .contains("woninginbraak");
    });
  }

  @Test
  void badCoordinatesAreNamedWithTheLikelyMistake() {
    ImportReport report = importIncidents("incidents-bad-coordinates.csv", ImportMode.STRICT);

    assertThat(report.errors()).extracting(RowError::line, RowError::column, RowError::message).containsExactly(
        tuple(2L, "x", "x 'abc' is not a number"),
        tuple(3L, "x", "x is missing"),
        tuple(4L, "x", "x '194215,5' is not a number (use a decimal point)"),
        tuple(5L, "x", "x,y = 6.09, 52.51 look like longitude/latitude in degrees; put WGS84 coordinates in columns lat,lon"),
        tuple(6L, "x", "x,y = 469380.0, 194215.0 is not a location in the Netherlands in RD New metres (x and y look swapped)"));
    assertThat(incidents.count()).isZero();
  }

  @Test
  void swappedLatitudeAndLongitudeAreRecognised() {
    assertRejected("incidents-swapped-lat-lon.csv", new RowError(2, "lat",
        "lat,lon = 6.0944, 52.5125 look swapped: latitude is about 52 in the Netherlands, longitude about 6"));
  }

  @Test
  void rdNumbersInLatLonColumnsAreRecognised() {
    assertRejected("incidents-rd-in-lat-lon.csv", new RowError(2, "lat",
        "lat,lon = 469380.0, 194215.0 look like RD New metres; put RD coordinates in columns x,y"));
  }

  @Test
  void aSourceIdTwiceInOneFileIsRefused() {
    assertRejected("incidents-duplicate-source-id.csv",
        new RowError(4, "source_id", "source_id 'DUP-001' occurs twice: also on line 2"));
  }

  @Test
  void aRowWithTheWrongNumberOfFieldsIsRefused() {
    assertRejected("incidents-wrong-field-count.csv",
        new RowError(3, null, "the row has 4 fields where the header has 5"));
  }

  @Test
  void filesThatCannotBeReadAreRefusedAsAWhole() {
    assertThatThrownBy(() -> importIncidents("incidents-missing-category-column.csv", ImportMode.LENIENT))
        .isInstanceOf(ImportFileException.class)
        .satisfies(e -> assertThat(((ImportFileException) e).error()).isEqualTo(new RowError(1, "category",
            "the header has no column 'category'; found source_id,occurred_at,x,y")));
    assertThatThrownBy(() -> importIncidents("incidents-without-location-columns.csv", ImportMode.LENIENT))
        .isInstanceOf(ImportFileException.class)
        .hasMessageStartingWith("the header needs the location columns x,y (RD New metres) or lat,lon");
    assertThatThrownBy(() -> importIncidents("incidents-unclosed-quote.csv", ImportMode.LENIENT))
        .isInstanceOf(ImportFileException.class)
        .hasMessageStartingWith("not valid CSV");
    assertThat(incidents.count()).isZero();
  }

  @Test
  void lenientModeStoresTheGoodRowsAndReportsTheBadOnes() {
    ImportReport report = importIncidents("incidents-duplicate-source-id.csv", ImportMode.LENIENT);

    assertThat(report.accepted()).isEqualTo(2);
    assertThat(report.rejected()).isEqualTo(1);
    assertThat(Fixtures.stored(incidents)).extracting(StoredIncident::sourceId, StoredIncident::category)
        .containsExactly(tuple("DUP-001", "woninginbraak"), tuple("DUP-002", "woninginbraak"));
  }

  @Test
  void importingTheSameFileAgainChangesNothing() {
    importIncidents("incidents-valid.csv", ImportMode.STRICT);
    List<StoredIncident> first = Fixtures.stored(incidents);

    ImportReport again = importIncidents("incidents-valid.csv", ImportMode.STRICT);

    assertThat(again.accepted()).isEqualTo(5);
    assertThat(Fixtures.stored(incidents)).isEqualTo(first);
  }

  /** The in-memory incident index reads only the new rows after an import that only added rows. */
  @Test
  void anImportSaysWhetherItOnlyAppended() throws IOException {
    importIncidents("incidents-valid.csv", ImportMode.STRICT);
    long lastId = incidents.findAll().stream().mapToLong(incident -> incident.getId()).max().orElseThrow();
    Path more = work.resolve("more.csv");
    List<String> lines = Files.readAllLines(Fixtures.file("incidents-valid.csv"));
    Files.write(more, List.of(lines.get(0), lines.get(1).replaceFirst("^[^,]+", "NEW-001")));
    importFile("incidents", more, ImportMode.STRICT);
    importIncidents("incidents-valid.csv", ImportMode.STRICT);

    assertThat(events.stream(DataChangedEvent.class).filter(event -> event.layer().equals("incidents"))
        .map(DataChangedEvent::appendedAfter)).as("new rows, new rows, the same rows again")
        .containsExactly(0L, lastId, null);
  }

  @Test
  void aCorrectedFileUpdatesRowsInPlace() throws IOException {
    importIncidents("incidents-valid.csv", ImportMode.STRICT);
    Long id = incidents.findBySourceId("BVH-001").orElseThrow().getId();
    Path corrected = work.resolve("corrected.csv");
    Files.writeString(corrected, Files.readString(Fixtures.file("incidents-valid.csv"))
        .replace("BVH-001,woninginbraak,2024-03-01T21:30,194215,469380", "BVH-001,jeugdoverlast,2024-03-01T22:30,194300,469400"));

    importFile("incidents", corrected, ImportMode.STRICT);

    StoredIncident updated = Fixtures.snapshot(incidents.findBySourceId("BVH-001").orElseThrow());
    assertThat(updated.id()).isEqualTo(id);
    assertThat(updated.category()).isEqualTo("jeugdoverlast");
    assertThat(updated.occurredAt()).isEqualTo("2024-03-01T21:30:00Z");
    assertThat(updated.point()).isEqualTo("POINT (194300 469400)");
    assertThat(incidents.count()).isEqualTo(5);
  }

  @Test
  void aStrictRejectionLeavesTheStoreExactlyAsItWas() {
    importIncidents("incidents-valid.csv", ImportMode.STRICT);
    List<StoredIncident> before = Fixtures.stored(incidents);

    ImportReport report = importIncidents("incidents-outside-oost-nederland.csv", ImportMode.STRICT);

    assertThat(report.accepted()).isEqualTo(1);
    assertThat(report.rejected()).isEqualTo(1);
    assertThat(Fixtures.stored(incidents)).isEqualTo(before);
  }

  @Test
  void anExportImportsAgainIntoIdenticalRows() throws IOException {
    importIncidents("incidents-valid.csv", ImportMode.STRICT);
    importIncidents("incidents-valid-latlon.csv", ImportMode.STRICT);
    List<StoredIncident> original = Fixtures.stored(incidents).stream().map(StoredIncident::withoutId).toList();
    Path export = work.resolve("export.csv");
    Files.writeString(export, incidentLayer.csv(IncidentFilter.all(), 0, 1000).text());
    incidents.deleteAllInBatch();

    ImportReport report = importFile("incidents", export, ImportMode.STRICT);

    assertThat(report.errors()).isEmpty();
    assertThat(Fixtures.stored(incidents).stream().map(StoredIncident::withoutId).toList()).isEqualTo(original);
  }

  /** Text a spreadsheet would run as a formula is exported with a leading quote and imported back unchanged. */
  @Test
  void anExportNeutralisesSpreadsheetFormulasAndImportsBackUnchanged() throws IOException {
    importIncidents("incidents-formula-injection.csv", ImportMode.STRICT);
    List<StoredIncident> original = Fixtures.stored(incidents).stream().map(StoredIncident::withoutId).toList();
    String exported = incidentLayer.csv(IncidentFilter.all(), 0, 1000).text();

    assertThat(exported).contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\"", "'+31 6 12345678", "'-geen-",
        "'@SUM(A1)", "'=al gequote"); // the file's own quote marked text, as in a spreadsheet: stored without it
    for (String line : exported.split("\n")) {
      for (String cell : line.split(",")) {
        assertThat(cell).as(line).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@")
            .doesNotStartWith("\"=");
      }
    }
    Path export = work.resolve("export.csv");
    Files.writeString(export, exported);
    incidents.deleteAllInBatch();
    assertThat(importFile("incidents", export, ImportMode.STRICT).errors()).isEmpty();
    assertThat(Fixtures.stored(incidents).stream().map(StoredIncident::withoutId).toList()).isEqualTo(original);
  }

  @Test
  void theRegisteredCrimeTableImportsAsItIs() {
    ImportReport report = importFile("area-statistics", SharedGeodata.file("registered-crime-oost-nederland.csv"),
        ImportMode.STRICT);

    assertThat(report.errors()).isEmpty();
    assertThat(report.accepted()).isEqualTo(12_768);
    assertThat(areaStatistics.count()).isEqualTo(12_768);
    assertThat(burglaryTotal("2015")).isEqualTo(9_311);
    assertThat(burglaryTotal("2018")).isEqualTo(6_083);
    AreaStatisticEntity cell = areaStatistics.find("1.1.1", "2019", "GM0200").get(0);
    assertThat(cell.getPeriodStart()).hasToString("2019-01-01");
    assertThat(cell.getPeriodEnd()).hasToString("2020-01-01");

    assertThat(importFile("area-statistics", SharedGeodata.file("registered-crime-oost-nederland.csv"),
        ImportMode.STRICT).accepted()).isEqualTo(12_768);
    assertThat(areaStatistics.count()).isEqualTo(12_768);
  }

  private long burglaryTotal(String year) {
    return areaStatistics.find("1.1.1", year, null).stream().mapToLong(AreaStatisticEntity::getCount).sum();
  }

  @Test
  void badAreaStatisticsAreNamed() {
    ImportReport report = importFile("area-statistics", Fixtures.file("area-statistics-invalid.csv"),
        ImportMode.LENIENT);

    assertThat(report.errors()).extracting(RowError::line, RowError::column, RowError::message).containsExactly(
        tuple(3L, "municipality_code", "'GM0344' is not a municipality of Oost-Nederland"),
        tuple(4L, "municipality_name", "GM0200 is Apeldoorn, not Zutphen"),
        tuple(5L, "period", "'2019-13' is not a period; use a year (2019), a quarter (2019-Q3) or a month (2019-07)"),
        tuple(6L, "count", "count must be at least 0, not -1"),
        tuple(7L, null, "GM0200 2019 1.1.1 Diefstal/inbraak woning occurs twice: also on line 2"));
    assertThat(areaStatistics.count()).isEqualTo(1);
  }

  @Test
  void thePopulationTableImportsAsItIs() {
    ImportReport report = importFile("population", SharedGeodata.file("population-oost-nederland.csv"),
        ImportMode.STRICT);

    assertThat(report.errors()).isEmpty();
    assertThat(report.accepted()).isEqualTo(76 * 4);
    List<PopulationEntity> of2019 = population.findAll().stream().filter(figure -> figure.getYear() == 2019).toList();
    assertThat(of2019).hasSize(76);
    // CBS StatLine 70072NED: Gelderland 2 071 972 + Overijssel 1 156 431 on 1 January 2019
    assertThat(of2019.stream().mapToLong(PopulationEntity::getInhabitants).sum()).isEqualTo(3_228_403);
    assertThat(population.findAll()).filteredOn(figure -> figure.getMunicipalityCode().equals("GM0141")
        && figure.getYear() == 2019).singleElement().satisfies(almelo -> {
          assertThat(almelo.getInhabitants()).isEqualTo(72_849);
          assertThat(almelo.getSource()).startsWith("CBS Kerncijfers wijken en buurten 2019 (84583NED)");
        });

    // Imported again (a revised table): the figures are replaced, not added.
    assertThat(importFile("population", SharedGeodata.file("population-oost-nederland.csv"), ImportMode.STRICT)
        .accepted()).isEqualTo(76 * 4);
    assertThat(population.count()).isEqualTo(76 * 4);
  }

  @Test
  void badPopulationFiguresAreNamedAndAStrictFileStoresNothing() {
    ImportReport strict = importFile("population", Fixtures.file("population-invalid.csv"), ImportMode.STRICT);

    assertThat(strict.errors()).extracting(RowError::line, RowError::column, RowError::message).containsExactly(
        tuple(3L, "code", "'GM0344' is not a municipality of Oost-Nederland"),
        tuple(4L, "name", "GM0200 is Apeldoorn, not Zutphen"),
        tuple(5L, "year", "'2019a' is not a whole number"),
        tuple(6L, "population", "population must be at least 1, not 0"),
        tuple(7L, "year", "year 2999 lies in the future"),
        tuple(8L, "source", "source is missing"),
        tuple(9L, null, "GM0200 2019 occurs twice: also on line 2"));
    assertThat(population.count()).isZero();

    ImportReport lenient = importFile("population", Fixtures.file("population-invalid.csv"), ImportMode.LENIENT);
    assertThat(lenient.accepted()).isEqualTo(1);
    assertThat(lenient.errorCount()).isEqualTo(7);
    assertThat(population.count()).isEqualTo(1);
  }

  @Test
  void hempSitesImportAndTheirRulesHold() {
    assertThat(importFile("hemp-sites", Fixtures.file("hemp-sites-valid.csv"), ImportMode.STRICT).accepted())
        .isEqualTo(2);
    assertThat(hempSites.findBySourceId("HEN-001").orElseThrow())
        .satisfies(site -> assertThat(site.getAttributes().plantCount()).isEqualTo(1200))
        .satisfies(site -> assertThat(site.getAttributes().fireHazard()).isTrue())
        .satisfies(site -> assertThat(site.getMunicipalityCode()).isEqualTo("GM0153"));

    ImportReport invalid = importFile("hemp-sites", Fixtures.file("hemp-sites-invalid.csv"), ImportMode.STRICT);
    assertThat(invalid.errors()).extracting(RowError::line, RowError::column).containsExactly(
        tuple(2L, "dismantled_on"), tuple(3L, "plant_count"), tuple(3L, "site_type"), tuple(3L, "fire_hazard"));
    assertThat(invalid.errors().get(2).message()).isEqualTo("'garage' is not one of house, business_premises, outdoor, other");
    assertThat(hempSites.count()).isEqualTo(2);

    // GeoJSON points as well; a source id imported again is replaced, not added
    assertThat(importFile("hemp-sites", Fixtures.file("hemp-sites-valid.geojson"), ImportMode.STRICT).accepted())
        .isEqualTo(2);
    assertThat(hempSites.count()).isEqualTo(3);
    assertThat(hempSites.findBySourceId("HEN-001").orElseThrow().getAttributes().plantCount()).isEqualTo(1250);
    assertThat(hempSites.findBySourceId("HEN-101").orElseThrow().getMunicipalityCode()).isEqualTo("GM0193");
  }

  @Test
  void omgClubhousesImportFromCsvAndGeoJson() {
    assertThat(importFile("omg-clubhouses", Fixtures.file("omg-clubhouses-valid.csv"), ImportMode.STRICT).accepted())
        .isEqualTo(2);
    assertThat(importFile("omg-clubhouses", Fixtures.file("omg-clubhouses-valid.geojson"), ImportMode.STRICT)
        .accepted()).isEqualTo(2);
    assertThat(clubhouses.findBySourceId("OMG-201").orElseThrow().getMunicipalityCode()).isEqualTo("GM0193");

    ImportReport invalid = importFile("omg-clubhouses", Fixtures.file("omg-clubhouses-invalid.csv"), ImportMode.STRICT);
    assertThat(invalid.errors()).extracting(RowError::line, RowError::column, RowError::message).containsExactly(
        tuple(2L, "closed_on", "a closed clubhouse needs closed_on"),
        tuple(3L, "club", "club is missing"),
        tuple(3L, "status", "'gesloten' is not one of active, closed"));
    assertThat(clubhouses.count()).isEqualTo(4);
  }

  @Test
  void holidayParksAreRepairedWhenUnambiguousAndRefusedOtherwise() {
    ImportReport valid = importFile("holiday-parks", Fixtures.file("holiday-parks-valid.geojson"), ImportMode.STRICT);

    assertThat(valid.accepted()).isEqualTo(2);
    assertThat(valid.warnings()).singleElement().satisfies(warning -> {
      assertThat(warning.line()).isEqualTo(2);
      assertThat(warning.message()).contains("has been repaired");
    });
    HolidayParkEntity zandhoeve = holidayParks.findBySourceId("PARK-001").orElseThrow();
    assertThat(zandhoeve.getGeometry().getArea()).isEqualTo(200_000.0);
    assertThat(zandhoeve.getAttributes().unitCount()).isEqualTo(240);
    assertThat(zandhoeve.getAttributes().permanentResidenceSignal()).isTrue();
    assertThat(holidayParks.findBySourceId("PARK-002").orElseThrow().getGeometry().isValid()).isTrue();

    ImportReport invalid = importFile("holiday-parks", Fixtures.file("holiday-parks-invalid.geojson"),
        ImportMode.LENIENT);
    assertThat(invalid.errors()).extracting(RowError::line, RowError::column).containsExactly(
        tuple(1L, "geometry"), tuple(2L, "geometry"), tuple(3L, "source_id"), tuple(3L, "geometry"));
    assertThat(invalid.errors().get(0).message()).contains("no repair keeps its area");
    assertThat(holidayParks.count()).isEqualTo(2);
  }

  private void assertRejected(String fixture, RowError expected) {
    ImportReport report = importIncidents(fixture, ImportMode.STRICT);
    assertThat(report.errors()).contains(expected);
    assertThat(report.errorCount()).isEqualTo(report.errors().size());
    assertThat(incidents.count()).isZero();
  }

}
