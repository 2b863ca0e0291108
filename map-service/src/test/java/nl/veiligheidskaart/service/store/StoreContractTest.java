package nl.veiligheidskaart.service.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import nl.veiligheidskaart.geodata.boundary.BoundarySet;
import nl.veiligheidskaart.geodata.boundary.MunicipalityBoundary;
import nl.veiligheidskaart.service.audit.AuditEntryEntity;
import nl.veiligheidskaart.service.audit.AuditEntryRepository;
import nl.veiligheidskaart.service.audit.AuditEvent;
import nl.veiligheidskaart.service.geography.GeographyStore;
import nl.veiligheidskaart.service.identity.Role;
import nl.veiligheidskaart.service.security.UserAccountEntity;
import nl.veiligheidskaart.service.security.UserAccountRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.WKTReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the service relies on from its store, run against each database it supports (H2GIS
 * embedded, PostGIS in production): the same entities, queries and spatial predicates must give
 * the same answers on both. Each test starts from a store without incidents, risk locations and
 * audit rows (a PostGIS may be shared with other test classes) and rolls back, those deletions
 * included.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "veiligheidskaart.demo-data=false")
@Transactional
abstract class StoreContractTest {

  static final GeometryFactory RD = new GeometryFactory(new PrecisionModel(), 28992);

  @Autowired MunicipalityRepository municipalities;
  @Autowired MunicipalityBoundaryRepository boundaries;
  @Autowired DistrictRepository districts;
  @Autowired IncidentRepository incidents;
  @Autowired IncidentQueries incidentQueries;
  @Autowired HempSiteRepository hempSites;
  @Autowired HolidayParkRepository holidayParks;
  @Autowired OmgClubhouseRepository clubhouses;
  @Autowired AreaStatisticRepository areaStatistics;
  @Autowired UserAccountRepository accounts;
  @Autowired AuditEntryRepository audit;
  @Autowired GeographyStore geographyStore;
  @Autowired RiskFactorPointRepository riskFactorPoints;

  @BeforeEach
  void withoutOtherTestsData() {
    incidents.deleteAllInBatch();
    hempSites.deleteAllInBatch();
    holidayParks.deleteAllInBatch();
    clubhouses.deleteAllInBatch();
    audit.deleteAllInBatch();
  }

  static Point point(double x, double y) {
    return RD.createPoint(new Coordinate(x, y));
  }

  @Test
  void startupLoadsTheFactTableAndTheBoundariesOfTheSharedFile() {
    assertThat(municipalities.count()).isEqualTo(76);
    assertThat(districts.count()).isEqualTo(5);
    assertThat(boundaries.findNewestVintage()).contains(2019);
    List<MunicipalityBoundaryEntity> vintage2019 = boundaries.findByValidFromYearOrderByMunicipalityCode(2019);
    assertThat(vintage2019).hasSize(76);
    assertThat(vintage2019.get(0).getGeometry().getSRID()).isEqualTo(28992);
    assertThat(municipalities.findByDistrictCodeOrderByCode("VR05")).hasSize(14);
  }

  @Test
  void importedRiskFactorLayersAreStoredByNameAndReplacedWhole() {
    riskFactorPoints.deleteAllInBatch();
    riskFactorPoints.save(new RiskFactorPointEntity("cash-machines", "GA-2", point(194_300, 469_300), "GM0200"));
    riskFactorPoints.save(new RiskFactorPointEntity("cash-machines", "GA-1", point(194_200, 469_200), "GM0200"));
    riskFactorPoints.save(new RiskFactorPointEntity("coffee-shops", "KS-1", point(203_300, 502_300), "GM0193"));

    assertThat(riskFactorPoints.layers()).containsExactly("cash-machines", "coffee-shops");
    List<RiskFactorPointEntity> machines = riskFactorPoints.findByLayerOrderBySourceId("cash-machines");
    assertThat(machines).extracting(RiskFactorPointEntity::getSourceId).containsExactly("GA-1", "GA-2");
    assertThat(machines.get(0).getGeometry().getSRID()).isEqualTo(28992);
    assertThat(machines.get(0).getGeometry().getX()).isEqualTo(194_200);
    assertThat(riskFactorPoints.deleteLayer("cash-machines")).isEqualTo(2);
    assertThat(riskFactorPoints.layers()).containsExactly("coffee-shops");
  }

  @Test
  void districtsAreTheDissolvedMunicipalities() {
    Map<String, Double> squareKilometres = Map.of("VR06", 2795.0, "VR07", 1225.0, "VR08", 1107.0, "VR04", 1907.0,
        "VR05", 1502.0);
    for (DistrictEntity district : districts.findAllByOrderByCode()) {
      assertThat(district.getGeometry()).as(district.getName()).isNotNull();
      assertThat(district.getGeometry().getArea() / 1e6).as(district.getName())
          .isCloseTo(squareKilometres.get(district.getCode()), within(1.0));
    }
  }

  @Test
  void findsTheMunicipalityContainingAPoint() {
    // Apeldoorn town centre, Zwolle station, Nijmegen Valkhof
    assertThat(boundaries.findContaining(2019, point(194_200, 469_200)))
        .extracting(MunicipalityBoundaryEntity::getMunicipalityCode).containsExactly("GM0200");
    assertThat(boundaries.findContaining(2019, point(203_300, 502_300)))
        .extracting(MunicipalityBoundaryEntity::getMunicipalityCode).containsExactly("GM0193");
    assertThat(boundaries.findContaining(2019, point(187_900, 428_800)))
        .extracting(MunicipalityBoundaryEntity::getMunicipalityCode).containsExactly("GM0268");
    // Utrecht: outside Oost-Nederland
    assertThat(boundaries.findContaining(2019, point(136_000, 456_000))).isEmpty();
  }

  @Test
  void aNewVintageIsStoredBesideTheOldOneOnce() throws Exception {
    Polygon square = (Polygon) new WKTReader(RD).read(
        "POLYGON ((194000 469000, 195000 469000, 195000 470000, 194000 470000, 194000 469000))");
    BoundarySet vintage2021 = new BoundarySet(Path.of("gemeenten-2021.geojson"), 2021,
        List.of(new MunicipalityBoundary("GM0200", square, 2021)), List.of());

    assertThat(geographyStore.storeVintage(vintage2021)).isTrue();
    assertThat(geographyStore.storeVintage(vintage2021)).isFalse();

    assertThat(boundaries.findNewestVintage()).contains(2021);
    assertThat(boundaries.findByValidFromYearOrderByMunicipalityCode(2019)).hasSize(76);
    assertThat(boundaries.findByValidFromYearOrderByMunicipalityCode(2021)).singleElement()
        .satisfies(b -> assertThat(b.getGeometry().getArea()).isEqualTo(1e6));
  }

  @Test
  void incidentsRoundTripWithTimeAndSpaceFilters() throws Exception {
    Instant t0 = Instant.parse("2024-03-01T10:15:30Z");
    for (int i = 0; i < 5; i++) {
      IncidentEntity incident = new IncidentEntity("BVH-" + i, "woninginbraak", t0.plus(i, ChronoUnit.DAYS),
          i != 4, point(194_000 + i * 100, 469_000));
      incident.setMunicipalityCode("GM0200");
      incident.setLocationPrecision("address");
      incident.setAttributes(Map.of("modus", "raam geforceerd"));
      incidents.save(incident);
    }
    incidents.flush();

    IncidentEntity stored = incidents.findBySourceId("BVH-2").orElseThrow();
    assertThat(stored.getOccurredAt()).isEqualTo(t0.plus(2, ChronoUnit.DAYS));
    assertThat(stored.getGeometry().getCoordinate()).isEqualTo(new Coordinate(194_200, 469_000));
    assertThat(stored.getGeometry().getSRID()).isEqualTo(28992);
    assertThat(stored.getAttributes()).containsEntry("modus", "raam geforceerd");
    assertThat(incidents.findBySourceId("BVH-4").orElseThrow().isOccurredAtHasTime()).isFalse();

    // from inclusive, to exclusive
    assertThat(incidentQueries.page(new IncidentFilter(List.of("woninginbraak"), t0.plus(1, ChronoUnit.DAYS),
        t0.plus(3, ChronoUnit.DAYS), List.of()), 0, 10))
        .extracting(IncidentEntity::getSourceId).containsExactly("BVH-1", "BVH-2");

    Polygon extent = (Polygon) RD.toGeometry(new Envelope(194_050, 194_250, 468_900, 469_100));
    assertThat(incidents.findIntersecting(extent)).extracting(IncidentEntity::getSourceId)
        .containsExactly("BVH-1", "BVH-2");
    IncidentFilter inExtent = new IncidentFilter(List.of("woninginbraak"), null, null, List.of("GM0200"), extent);
    assertThat(incidentQueries.count(inExtent)).isEqualTo(2);
    assertThat(incidentQueries.page(inExtent, 1, 10)).extracting(IncidentEntity::getSourceId).containsExactly("BVH-2");
    assertThat(incidentQueries.count(new IncidentFilter(List.of(), null, null, List.of("GM0200")))).isEqualTo(5);
  }

  @Test
  void aSourceIdIsStoredOnce() {
    incidents.saveAndFlush(new IncidentEntity("BVH-1", "jeugdoverlast", Instant.now(), true, point(200_000, 470_000)));
    assertThatThrownBy(() -> incidents.saveAndFlush(
        new IncidentEntity("BVH-1", "jeugdoverlast", Instant.now(), true, point(200_000, 470_000))))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void riskLocationsRoundTrip() throws Exception {
    HempSiteEntity hemp = new HempSiteEntity("HEN-1");
    hemp.replace(point(250_000, 470_000), new HempSiteAttributes(LocalDate.of(2024, 5, 2), null, 1200,
        HempSiteType.BUSINESS_PREMISES, true, "Damocles-sluiting 6 maanden", null), "GM0200", false);
    hempSites.saveAndFlush(hemp);

    MultiPolygon park = (MultiPolygon) new WKTReader(RD).read(
        "MULTIPOLYGON (((180000 480000, 180500 480000, 180500 480400, 180000 480400, 180000 480000)))");
    HolidayParkEntity holidayPark = new HolidayParkEntity("PARK-1");
    holidayPark.replace(park, new HolidayParkAttributes("De Zandhoeve", 240, true, false), null, false);
    holidayParks.saveAndFlush(holidayPark);

    OmgClubhouseEntity clubhouse = new OmgClubhouseEntity("OMG-1");
    OmgClubhouseAttributes closed = new OmgClubhouseAttributes("Voorbeeld MC", null, ClubhouseStatus.CLOSED, null,
        true, null, LocalDate.of(2023, 1, 15));
    clubhouse.replace(point(257_000, 471_000), closed, "GM0200", true);
    clubhouses.saveAndFlush(clubhouse);

    assertThat(hempSites.findBySourceId("HEN-1").orElseThrow())
        .satisfies(h -> assertThat(h.getAttributes()).isEqualTo(hemp.getAttributes()))
        .satisfies(h -> assertThat(h.getMunicipalityCode()).isEqualTo("GM0200"));
    assertThat(holidayParks.findBySourceId("PARK-1").orElseThrow())
        .satisfies(h -> assertThat(h.getGeometry().getArea()).isEqualTo(200_000.0))
        .satisfies(h -> assertThat(h.getAttributes().unitCount()).isEqualTo(240));
    assertThat(clubhouses.findBySourceId("OMG-1").orElseThrow())
        .satisfies(c -> assertThat(c.getAttributes()).isEqualTo(closed))
        .satisfies(c -> assertThat(c.isDemo()).isTrue());
  }

  @Test
  void areaStatisticsAreOneCountPerMunicipalityPeriodAndCategory() {
    String burglary = "1.1.1 Diefstal/inbraak woning";
    areaStatistics.saveAndFlush(new AreaStatisticEntity("GM0200", "2019", LocalDate.of(2019, 1, 1),
        LocalDate.of(2020, 1, 1), burglary, 412));
    areaStatistics.saveAndFlush(new AreaStatisticEntity("GM0193", "2019", LocalDate.of(2019, 1, 1),
        LocalDate.of(2020, 1, 1), burglary, 388));

    assertThat(areaStatistics.find(burglary, "2019", null))
        .extracting(AreaStatisticEntity::getMunicipalityCode, AreaStatisticEntity::getCount)
        .containsExactly(tuple("GM0193", 388L), tuple("GM0200", 412L));
    assertThat(areaStatistics.find("1.1.1", "2019", null)).hasSize(2);
    // LIKE wildcards in a category are text, never patterns
    for (String wildcard : new String[] {"%", "1.1.%", "1.1._", "_", "\\"}) {
      assertThat(areaStatistics.find(wildcard, "2019", null)).as(wildcard).isEmpty();
    }
    assertThatThrownBy(() -> areaStatistics.saveAndFlush(new AreaStatisticEntity("GM0200", "2019",
        LocalDate.of(2019, 1, 1), LocalDate.of(2020, 1, 1), burglary, 1)))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void accountsAndAuditEntriesAreStored() {
    Instant now = Instant.parse("2026-11-28T12:00:00Z");
    accounts.saveAndFlush(new UserAccountEntity("gm-apeldoorn", "$2a$10$hash", Role.MUNICIPALITY, "GM0200", now));
    audit.saveAndFlush(new AuditEntryEntity(AuditEvent.ACCESS, now, "gm-apeldoorn", "MUNICIPALITY", "GET",
        "/api/v1/municipalities", "crs=EPSG:28992", "GM0200", "2026-01-01/..", 200, 76L, 123_456, null));
    audit.saveAndFlush(new AuditEntryEntity(AuditEvent.ACCOUNT_CHANGE, now, "beheer", "ADMIN", "PATCH",
        "/api/v1/admin/users/gm-apeldoorn", null, null, null, 200, null, 120, "account 'gm-apeldoorn' changed: disabled"));

    assertThat(accounts.findById("gm-apeldoorn").orElseThrow())
        .satisfies(a -> assertThat(a.getRole()).isEqualTo(Role.MUNICIPALITY))
        .satisfies(a -> assertThat(a.getMunicipalityCode()).isEqualTo("GM0200"));
    assertThat(audit.findByUsernameOrderByIdDesc("gm-apeldoorn")).singleElement()
        .satisfies(e -> assertThat(e.getAccessedAt()).isEqualTo(now))
        .satisfies(e -> assertThat(e.getParameters()).isEqualTo("crs=EPSG:28992"))
        .satisfies(e -> assertThat(e.getArea()).isEqualTo("GM0200"))
        .satisfies(e -> assertThat(e.getPeriod()).isEqualTo("2026-01-01/.."))
        .satisfies(e -> assertThat(e.getResultRows()).isEqualTo(76L))
        .satisfies(e -> assertThat(e.getResultBytes()).isEqualTo(123_456))
        .satisfies(e -> assertThat(e.getEvent()).isEqualTo("access"));
    assertThat(audit.findByUsernameOrderByIdDesc("beheer")).singleElement()
        .satisfies(e -> assertThat(e.getEvent()).isEqualTo("account-change"))
        .satisfies(e -> assertThat(e.getDetail()).isEqualTo("account 'gm-apeldoorn' changed: disabled"));
  }
}
