package nl.veiligheidskaart.service.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.geodata.crs.CrsTransform;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/** A bbox in CRS84 takes in exactly the points whose longitude and latitude lie in it. */
class BboxAreaTest {

  private static final GeometryFactory RD_NEW = new GeometryFactory(new PrecisionModel(), Crs.RD_NEW.epsg());
  /** About 5 cm: points closer to an edge are left out, the polygon follows the edges to 1 cm. */
  private static final double EDGE_DEGREES = 5e-7;

  @Test
  void aCrs84BoxHoldsExactlyThePointsInsideItsMeridiansAndParallels() {
    // the box of the issue, wide enough for the parallels to bow about 50 m away from its RD New envelope
    BboxArea box = new BboxArea(4.99, 51.73, 7.08, 52.86, Crs.WGS84);
    Geometry area = box.inRdNew();
    Geometry envelope = area.getEnvelope();
    SplittableRandom random = new SplittableRandom(17);
    int inside = 0;
    int onlyInEnvelope = 0;
    for (int i = 0; i < 200_000; i++) {
      // anywhere in and around the box's envelope in RD New, most of all near its edges
      Coordinate rd = new Coordinate(random.nextDouble(envelope.getEnvelopeInternal().getMinX() - 2000,
          envelope.getEnvelopeInternal().getMaxX() + 2000), random.nextDouble(
          envelope.getEnvelopeInternal().getMinY() - 2000, envelope.getEnvelopeInternal().getMaxY() + 2000));
      Coordinate lonLat = CrsTransform.transform(rd, Crs.RD_NEW, Crs.WGS84);
      if (nearEdge(lonLat.x, box.minX(), box.maxX()) || nearEdge(lonLat.y, box.minY(), box.maxY())) {
        continue;
      }
      boolean inBox = lonLat.x >= box.minX() && lonLat.x <= box.maxX() && lonLat.y >= box.minY()
          && lonLat.y <= box.maxY();
      assertThat(area.intersects(RD_NEW.createPoint(rd))).as("%s = %s", rd, lonLat).isEqualTo(inBox);
      inside += inBox ? 1 : 0;
      onlyInEnvelope += !inBox && envelope.intersects(RD_NEW.createPoint(rd)) ? 1 : 0;
    }
    assertThat(inside).isGreaterThan(100_000);
    // what a filter on the envelope would have let through
    assertThat(onlyInEnvelope).isGreaterThan(100);
  }

  @Test
  void theEdgesAreFollowedWithinACentimetre() {
    Geometry area = new BboxArea(5.0, 51.7, 7.1, 52.9, Crs.WGS84).inRdNew();
    for (double lon = 5.0; lon <= 7.1; lon += 0.0137) {
      for (double lat : new double[] {51.7, 52.9}) {
        Coordinate onEdge = CrsTransform.transform(new Coordinate(lon, lat), Crs.WGS84, Crs.RD_NEW);
        assertThat(area.getBoundary().distance(RD_NEW.createPoint(onEdge))).isLessThan(0.011);
      }
    }
    assertThat(area.getNumPoints()).isLessThan(2_000);
  }

  @Test
  void boxesOverTheAntimeridianOrFarAwayCoverOnlyWhatLiesInThem() {
    Geometry west = new BboxArea(-180, 50, 6, 55, Crs.WGS84).inRdNew();
    Geometry across = new BboxArea(170, 50, 6, 55, Crs.WGS84).inRdNew();
    assertThat(across.symDifference(west).getArea()).isLessThan(1.0);
    assertThat(new BboxArea(170, 50, -170, 55, Crs.WGS84).inRdNew().isEmpty()).isTrue();
    assertThat(new BboxArea(-80, -5, -70, 5, Crs.WGS84).inRdNew().isEmpty()).isTrue();
    Geometry both = new BboxArea(6, 50, 5.5, 55, Crs.WGS84).inRdNew();
    assertThat(both.getNumGeometries()).isEqualTo(2);
  }

  @Test
  void aBoxInRdNewIsTakenAsItIsWithinTheNetherlands() {
    Geometry area = new BboxArea(194000, 469000, 195000, 470000, Crs.RD_NEW).inRdNew();
    assertThat(area.getArea()).isEqualTo(1_000_000.0);
    Geometry everything = new BboxArea(-1e308, -1e308, 1e308, 1e308, Crs.RD_NEW).inRdNew();
    assertThat(everything.contains(new BboxArea(3.3, 50.7, 7.3, 53.6, Crs.WGS84).inRdNew())).isTrue();
  }

  private static boolean nearEdge(double value, double min, double max) {
    return Math.abs(value - min) < EDGE_DEGREES || Math.abs(value - max) < EDGE_DEGREES;
  }
}
