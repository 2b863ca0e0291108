package nl.veiligheidskaart.service.incidents;

import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.geodata.crs.CrsTransform;
import org.locationtech.jts.geom.Coordinate;

/**
 * An incident's location in Web Mercator, the same in both read models: its stored RD New point
 * projected and rounded to a grid of 2<sup>-20</sup> m (about a micrometre). On that grid the
 * in-memory index holds a location in two 32-bit offsets from its bucket's corner, exactly, where
 * two doubles took four times the room; the rounding is a thousand times finer than the finest
 * tile unit shown (a zoom-22 tile's 4 096th part, 9 mm).
 */
final class IncidentMercator {

  /** Grid steps per metre. */
  static final double STEPS_PER_METRE = 1 << 20;
  static final double METRES_PER_STEP = 1.0 / STEPS_PER_METRE;

  private IncidentMercator() {
  }

  /** The Web Mercator location of an incident stored at this RD New point. */
  static Coordinate of(double rdX, double rdY) {
    Coordinate mercator = CrsTransform.transform(new Coordinate(rdX, rdY), Crs.RD_NEW, Crs.WEB_MERCATOR);
    return new Coordinate(steps(mercator.x) * METRES_PER_STEP, steps(mercator.y) * METRES_PER_STEP);
  }

  /** A Web Mercator coordinate in whole grid steps (scaling by a power of two is exact). */
  static long steps(double metres) {
    return Math.round(metres * STEPS_PER_METRE);
  }
}
