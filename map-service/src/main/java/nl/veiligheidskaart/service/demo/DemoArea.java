package nl.veiligheidskaart.service.demo;

import java.util.SplittableRandom;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.geodata.reference.Municipality;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;

/**
 * One municipality as the demo generator places things in it: a town around the interior point of
 * its boundary with a Gaussian spread, and the countryside anywhere in it. Every point it gives lies
 * inside the boundary and more than the margin away from it, so that an importer's
 * point-in-polygon test never hinges on the simplified border.
 */
final class DemoArea {

  /** The weight of a municipality without a big city: about its inhabitants in thousands. */
  static final int TYPICAL_WEIGHT = 30;

  /** The spread of a typical town; a bigger town spreads with the square root of its weight. */
  private static final double TYPICAL_TOWN_SIGMA_METRES = 1_200;

  private static final GeometryFactory RD_NEW =
      new GeometryFactory(new PrecisionModel(), Crs.RD_NEW.epsg());

  private final Municipality municipality;
  private final double weight;
  private final double marginMetres;
  private final Coordinate centre;
  private final double townSigma;
  private final Envelope envelope;
  private final IndexedPointInAreaLocator interior;
  private final IndexedFacetDistance border;

  /**
   * @throws IllegalArgumentException if the interior point of the boundary is within the margin
   *     of the border (the municipality is too narrow to place anything in)
   */
  DemoArea(Municipality municipality, Geometry boundary, double weight, double marginMetres) {
    this.municipality = municipality;
    this.weight = weight;
    this.marginMetres = marginMetres;
    this.centre = boundary.getInteriorPoint().getCoordinate();
    this.townSigma = TYPICAL_TOWN_SIGMA_METRES * Math.sqrt(weight / TYPICAL_WEIGHT);
    this.envelope = boundary.getEnvelopeInternal();
    this.interior = new IndexedPointInAreaLocator(boundary);
    this.border = new IndexedFacetDistance(boundary);
    if (!admits(centre.x, centre.y, 0)) {
      throw new IllegalArgumentException("Municipality " + municipality.code() + " ("
          + municipality.name() + ") is too narrow: its interior point lies within "
          + marginMetres + " m of its border");
    }
  }

  Municipality municipality() {
    return municipality;
  }

  String code() {
    return municipality.code();
  }

  double weight() {
    return weight;
  }

  Coordinate centre() {
    return centre;
  }

  /** Inside the boundary and more than the margin plus {@code extraMetres} away from it. */
  boolean admits(double x, double y, double extraMetres) {
    Coordinate point = new Coordinate(x, y);
    return interior.locate(point) == Location.INTERIOR
        && !border.isWithinDistance(RD_NEW.createPoint(point), marginMetres + extraMetres);
  }

  /** A point of the town: Gaussian around the centre, its spread scaled by {@code spreadFactor}. */
  Coordinate inTown(SplittableRandom random, double spreadFactor, int decimals) {
    return near(random, centre.x, centre.y, townSigma * spreadFactor, decimals);
  }

  /** A Gaussian point around (x, y), drawn again until the municipality admits it. */
  Coordinate near(SplittableRandom random, double x, double y, double sigma, int decimals) {
    while (true) {
      double px = round(x + sigma * gaussian(random), decimals);
      double py = round(y + sigma * gaussian(random), decimals);
      if (admits(px, py, 0)) {
        return new Coordinate(px, py);
      }
    }
  }

  /** A uniform point of the municipality at least {@code extraMetres} further from its border. */
  Coordinate anywhere(SplittableRandom random, double extraMetres, int decimals) {
    while (true) {
      double px = round(envelope.getMinX() + random.nextDouble() * envelope.getWidth(), decimals);
      double py = round(envelope.getMinY() + random.nextDouble() * envelope.getHeight(), decimals);
      if (admits(px, py, extraMetres)) {
        return new Coordinate(px, py);
      }
    }
  }

  /**
   * Rounded as the files write it, before the border test, so the written point is the tested one:
   * the quotient is the double nearest to the decimal, which is what a reader parses.
   */
  static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }

  /**
   * Box-Muller by hand: the JDK does not specify how {@code nextGaussian} works, so a new release
   * could change the demo data.
   */
  static double gaussian(SplittableRandom random) {
    double u = 1.0 - random.nextDouble(); // in (0, 1], so the logarithm is finite
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
