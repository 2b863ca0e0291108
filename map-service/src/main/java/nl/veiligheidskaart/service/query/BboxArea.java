package nl.veiligheidskaart.service.query;

import java.util.ArrayList;
import java.util.List;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.geodata.crs.CrsTransform;
import org.locationtech.jts.algorithm.Distance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * The area a bbox filter covers, in RD New (the storage CRS), exactly as the client drew it in its own CRS.
 *
 * <p>A box in CRS84 is bounded by meridians and parallels, which are curves in RD New: its envelope
 * there would take in features outside the box. So each edge is followed in small steps (split until
 * the transformed edge deviates less than {@link #TOLERANCE_METRES} from the true curve) and features
 * are tested against that polygon. A CRS84 box whose west edge lies east of its east edge crosses the
 * antimeridian (OGC API Features, Part 1, 7.15.3), and covers both sides.
 *
 * <p>Only the part of a box within {@link #DOMAIN_CRS84} is transformed: every stored feature lies in
 * Oost-Nederland (the intake refuses anything outside its municipalities), far inside that domain, and
 * outside it the RD New projection is not meant to be used.
 */
public record BboxArea(double minX, double minY, double maxX, double maxY, Crs crs) {

  /** Where RD New may be used, with a wide margin around the Netherlands (EPSG: 3.2–7.3 E, 50.7–53.7 N). */
  static final Envelope DOMAIN_CRS84 = new Envelope(1.0, 10.0, 49.5, 55.5);
  static final double TOLERANCE_METRES = 0.01;
  private static final int MAX_SPLITS = 16;
  private static final GeometryFactory RD_NEW = new GeometryFactory(new PrecisionModel(), Crs.RD_NEW.epsg());
  private static final Envelope DOMAIN_RD_NEW = CrsTransform.transform(densified(DOMAIN_CRS84, Crs.WGS84), Crs.WGS84,
      Crs.RD_NEW).getEnvelopeInternal();

  /** Whether the box crosses the antimeridian: only in CRS84, with minX east of maxX. */
  public boolean crossesAntimeridian() {
    return crs == Crs.WGS84 && minX > maxX;
  }

  /** The area in RD New; empty when the box lies wholly outside the domain. */
  public Geometry inRdNew() {
    if (crs == Crs.RD_NEW) {
      Envelope box = new Envelope(minX, maxX, minY, maxY).intersection(DOMAIN_RD_NEW);
      return box.isNull() ? RD_NEW.createPolygon() : RD_NEW.toGeometry(box);
    }
    List<Envelope> parts = crossesAntimeridian()
        ? List.of(new Envelope(minX, 180, minY, maxY), new Envelope(-180, maxX, minY, maxY))
        : List.of(new Envelope(minX, maxX, minY, maxY));
    List<Polygon> polygons = new ArrayList<>();
    for (Envelope part : parts) {
      Envelope clipped = part.intersection(DOMAIN_CRS84);
      if (!clipped.isNull() && clipped.getArea() > 0) {
        polygons.add((Polygon) CrsTransform.transform(densified(clipped, Crs.WGS84), Crs.WGS84, Crs.RD_NEW));
      }
    }
    return polygons.size() == 1 ? polygons.get(0) : RD_NEW.createMultiPolygon(polygons.toArray(Polygon[]::new));
  }

  /** The box's ring, each edge split until its image in RD New is within the tolerance of a straight line. */
  private static Polygon densified(Envelope box, Crs crs) {
    Coordinate[] corners = {new Coordinate(box.getMinX(), box.getMinY()), new Coordinate(box.getMaxX(), box.getMinY()),
        new Coordinate(box.getMaxX(), box.getMaxY()), new Coordinate(box.getMinX(), box.getMaxY())};
    List<Coordinate> ring = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ring.add(corners[i]);
      split(corners[i], corners[(i + 1) % 4], crs, 0, ring);
    }
    ring.add(corners[0]);
    return new GeometryFactory(new PrecisionModel(), crs.epsg()).createPolygon(ring.toArray(Coordinate[]::new));
  }

  /** Adds the points strictly between a and b that the edge needs, in order. */
  private static void split(Coordinate a, Coordinate b, Crs crs, int depth, List<Coordinate> ring) {
    Coordinate middle = new Coordinate((a.x + b.x) / 2, (a.y + b.y) / 2);
    if (depth < MAX_SPLITS && deviation(a, middle, b, crs) > TOLERANCE_METRES) {
      split(a, middle, crs, depth + 1, ring);
      ring.add(middle);
      split(middle, b, crs, depth + 1, ring);
    }
  }

  /** How far the image of the edge's middle lies from the straight line between the images of its ends. */
  private static double deviation(Coordinate a, Coordinate middle, Coordinate b, Crs crs) {
    Coordinate pa = CrsTransform.transform(a, crs, Crs.RD_NEW);
    Coordinate pm = CrsTransform.transform(middle, crs, Crs.RD_NEW);
    Coordinate pb = CrsTransform.transform(b, crs, Crs.RD_NEW);
    return Distance.pointToSegment(pm, pa, pb);
  }
}
