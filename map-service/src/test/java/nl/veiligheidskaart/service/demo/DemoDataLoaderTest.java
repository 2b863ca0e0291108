package nl.veiligheidskaart.service.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.veiligheidskaart.service.OnEmbeddedStore;
import nl.veiligheidskaart.service.store.AreaStatisticRepository;
import nl.veiligheidskaart.service.store.HempSiteEntity;
import nl.veiligheidskaart.service.store.HempSiteRepository;
import nl.veiligheidskaart.service.store.HolidayParkRepository;
import nl.veiligheidskaart.service.store.IncidentEntity;
import nl.veiligheidskaart.service.store.IncidentRepository;
import nl.veiligheidskaart.service.store.OmgClubhouseRepository;
import nl.veiligheidskaart.service.store.PopulationRepository;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The first start of the service loads the demo data and the real registered-crime and population tables, once. */
@OnEmbeddedStore
@SpringBootTest
class DemoDataLoaderTest {


  @Autowired DemoDataLoader loader;
  @Autowired IncidentRepository incidents;
  @Autowired HempSiteRepository hempSites;
  @Autowired HolidayParkRepository holidayParks;
  @Autowired OmgClubhouseRepository clubhouses;
  @Autowired AreaStatisticRepository areaStatistics;
  @Autowired PopulationRepository population;

  @Test
  void theFirstStartLoadsDemoDataFlaggedAsDemoAndTheRealStatistics() throws Exception {
    assertThat(incidents.count()).isEqualTo(DemoDataGenerator.DEFAULT_INCIDENT_COUNT
        + DemoDataGenerator.NEAR_REPEAT.count());
    assertThat(hempSites.count()).isEqualTo(DemoDataGenerator.HEMP_SITE_COUNT);
    assertThat(holidayParks.count()).isEqualTo(DemoDataGenerator.HOLIDAY_PARK_COUNT);
    assertThat(clubhouses.count()).isEqualTo(DemoDataGenerator.OMG_CLUBHOUSE_COUNT);
    assertThat(areaStatistics.count()).isEqualTo(12_768);
    assertThat(population.count()).isEqualTo(76 * 4);
    assertThat(incidents.findAll(org.springframework.data.domain.PageRequest.of(0, 500)))
        .allSatisfy(incident -> assertThat(incident.isDemo()).isTrue());
    assertThat(hempSites.findAll()).allSatisfy(site -> assertThat(site.isDemo()).isTrue());

    loader.run(null);

    assertThat(incidents.count()).isEqualTo(DemoDataGenerator.DEFAULT_INCIDENT_COUNT
        + DemoDataGenerator.NEAR_REPEAT.count());
    assertThat(areaStatistics.count()).isEqualTo(12_768);
    assertThat(population.count()).isEqualTo(76 * 4);
  }

  @Test
  void thePlantedHotspotIsInTheStore() {
    Coordinate centre = new Coordinate(DemoDataGenerator.HOTSPOT.x(), DemoDataGenerator.HOTSPOT.y());
    Envelope around = new Envelope(centre);
    around.expandBy(500);
    Polygon square = (Polygon) new GeometryFactory(new PrecisionModel(), 28992).toGeometry(around);

    List<IncidentEntity> near = incidents.findIntersecting(square);

    assertThat(near.stream().filter(i -> i.getCategory().equals("woninginbraak")).count()).isGreaterThan(200);
    assertThat(near).allSatisfy(i -> assertThat(i.getMunicipalityCode()).isEqualTo("GM0150"));
  }

  @Test
  void riskLocationsLieInTheirMunicipalities() {
    assertThat(hempSites.findAll()).extracting(HempSiteEntity::getMunicipalityCode).doesNotContainNull();
  }
}
