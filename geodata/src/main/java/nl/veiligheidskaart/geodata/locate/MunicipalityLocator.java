package nl.veiligheidskaart.geodata.locate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Finds the municipality a point lies in, for assigning incidents at import. An STRtree over the
 * boundaries' envelopes narrows the candidates, and an indexed point-in-area test per boundary
 * answers in logarithmic time, so a million points take well under a second.
 *
 * <p>Points just outside every boundary (within a tolerance) go to the nearest municipality:
 * simplified boundaries can be hundreds of metres off, and an incident on the real border must
 * not be refused for that. Thread-safe once built.
 */
public final class MunicipalityLocator {

  private record Area(String code, Geometry boundary, IndexedPointInAreaLocator locator) {
  }

  private final STRtree index = new STRtree();
  private final GeometryFactory factory = new GeometryFactory();

  /** @param boundariesByCode municipality boundaries, all in one projected CRS (RD New) */
  public MunicipalityLocator(Map<String, Geometry> boundariesByCode) {
    new TreeMap<>(boundariesByCode).forEach((code, boundary) ->
        index.insert(boundary.getEnvelopeInternal(), new Area(code, boundary, new IndexedPointInAreaLocator(boundary))));
    index.build();
  }

  /**
   * The code of the municipality containing the point, or else of the nearest one within
   * {@code toleranceMetres}; empty when the point is farther from every municipality.
   */
  public Optional<String> municipalityAt(Coordinate point, double toleranceMetres) {
    Envelope around = new Envelope(point);
    around.expandBy(toleranceMetres);
    List<Area> candidates = new ArrayList<>();
    for (Object item : index.query(around)) {
      Area area = (Area) item;
      if (area.locator().locate(point) != Location.EXTERIOR) {
        return Optional.of(area.code());
      }
      candidates.add(area);
    }
    Point asPoint = factory.createPoint(point);
    String nearest = null;
    double nearestDistance = Double.POSITIVE_INFINITY;
    for (Area area : candidates) {
      double distance = area.boundary().distance(asPoint);
      if (distance <= toleranceMetres && distance < nearestDistance) {
        nearest = area.code();
        nearestDistance = distance;
      }
    }
    return Optional.ofNullable(nearest);
  }
}
