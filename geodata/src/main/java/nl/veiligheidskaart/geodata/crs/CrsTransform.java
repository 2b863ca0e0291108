package nl.veiligheidskaart.geodata.crs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.impl.CoordinateArraySequenceFactory;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.Proj4jException;
import org.locationtech.proj4j.ProjCoordinate;
import org.locationtech.proj4j.io.Proj4FileReader;

/**
 * Transforms geometries between the project's coordinate reference systems with proj4j.
 *
 * <p>Every transformation goes through WGS 84 longitude-latitude, so each step is one projection
 * with at most one datum shift: proj4j 1.4.1 is reported to mishandle the datum shift in some
 * one-step transformations between two projected systems, and the extra step costs little. RD New uses the EPSG definition of proj4j-epsg, which includes the
 * 7-parameter datum shift ({@code +towgs84}) Amersfoort to WGS 84. That Helmert transformation
 * is accurate to about a metre (EPSG), 0.3 m from the official RDNAPTRANS&trade; value at
 * Amersfoort; PROJ without the RDNAPTRANS correction grid gives the same. Enough for incident
 * maps and grids; not for survey work.
 *
 * <p>Thread-safe: proj4j's transform objects keep scratch state and must not be shared, so each
 * thread builds its own set once ({@link ThreadLocal}); building them per call would re-parse the
 * projection definitions for every geometry.
 */
public final class CrsTransform {

  /** Parameters of the proj4 definitions, read once from proj4j-epsg's EPSG file. */
  private static final Map<Crs, String[]> DEFINITIONS = readDefinitions();

  private static final ThreadLocal<Transforms> TRANSFORMS = ThreadLocal.withInitial(Transforms::new);

  private CrsTransform() {
  }

  /**
   * A copy of {@code geometry} in {@code to}, with SRID {@code to.epsg()} on the result and all
   * its parts. WGS 84 coordinates are x = longitude, y = latitude. Z values are copied unchanged.
   *
   * @throws IllegalArgumentException if the geometry carries an SRID other than 0 or
   *     {@code from.epsg()}, or a coordinate lies outside what the projection can handle
   */
  public static Geometry transform(Geometry geometry, Crs from, Crs to) {
    if (geometry.getSRID() != 0 && geometry.getSRID() != from.epsg()) {
      throw new IllegalArgumentException("Geometry has SRID " + geometry.getSRID()
          + " but a transformation from EPSG:" + from.epsg() + " was asked for");
    }
    // A floating precision model: a fixed one of the source (e.g. whole RD metres) would round degrees.
    // Our own sequence factory: the source's may hand back its sequences uncopied (Hibernate
    // Spatial's geolatte factory does), and the filter below would then rewrite the source.
    GeometryFactory target = new GeometryFactory(new PrecisionModel(), to.epsg(),
        CoordinateArraySequenceFactory.instance());
    Geometry result = target.createGeometry(geometry);
    if (from != to) {
      result.apply(new TransformFilter(TRANSFORMS.get().steps(from, to), from, to));
    }
    return result;
  }

  /** One coordinate in {@code to}; WGS 84 is x = longitude, y = latitude. */
  public static Coordinate transform(Coordinate coordinate, Crs from, Crs to) {
    Coordinate result = coordinate.copy();
    ProjCoordinate projected = transform(TRANSFORMS.get().steps(from, to), coordinate.x,
        coordinate.y, from, to);
    result.setX(projected.x);
    result.setY(projected.y);
    return result;
  }

  private static ProjCoordinate transform(List<CoordinateTransform> steps, double x, double y,
      Crs from, Crs to) {
    ProjCoordinate current = new ProjCoordinate(x, y);
    try {
      for (CoordinateTransform step : steps) {
        current = step.transform(current, new ProjCoordinate());
      }
    } catch (Proj4jException e) {
      throw new IllegalArgumentException("Cannot transform (" + x + ", " + y + ") from EPSG:"
          + from.epsg() + " to EPSG:" + to.epsg() + ": " + e.getMessage(), e);
    }
    return current;
  }

  private static Map<Crs, String[]> readDefinitions() {
    Map<Crs, String[]> definitions = new EnumMap<>(Crs.class);
    Proj4FileReader reader = new Proj4FileReader();
    for (Crs crs : Crs.values()) {
      String[] parameters = reader.getParameters("EPSG:" + crs.epsg());
      if (parameters == null) {
        throw new IllegalStateException("proj4j-epsg has no definition of EPSG:" + crs.epsg()
            + "; check that org.locationtech.proj4j:proj4j-epsg is on the classpath");
      }
      definitions.put(crs, parameters);
    }
    // Without the datum shift RD New lands about 100 m off; refuse to run on such a definition.
    if (Arrays.stream(definitions.get(Crs.RD_NEW)).noneMatch(p -> p.startsWith("+towgs84="))) {
      throw new IllegalStateException("proj4j-epsg's definition of EPSG:28992 lacks +towgs84: "
          + String.join(" ", definitions.get(Crs.RD_NEW)));
    }
    return definitions;
  }

  /** One thread's transformations from each CRS to WGS 84 and back. */
  private static final class Transforms {
    private final Map<Crs, CoordinateTransform> toWgs84 = new EnumMap<>(Crs.class);
    private final Map<Crs, CoordinateTransform> fromWgs84 = new EnumMap<>(Crs.class);

    Transforms() {
      CRSFactory crsFactory = new CRSFactory();
      CoordinateTransformFactory transformFactory = new CoordinateTransformFactory();
      var wgs84 = crsFactory.createFromParameters("EPSG:4326", DEFINITIONS.get(Crs.WGS84));
      for (Crs crs : List.of(Crs.RD_NEW, Crs.WEB_MERCATOR)) {
        var projected = crsFactory.createFromParameters("EPSG:" + crs.epsg(), DEFINITIONS.get(crs));
        toWgs84.put(crs, transformFactory.createTransform(projected, wgs84));
        fromWgs84.put(crs, transformFactory.createTransform(wgs84, projected));
      }
    }

    List<CoordinateTransform> steps(Crs from, Crs to) {
      List<CoordinateTransform> steps = new ArrayList<>(2);
      if (from != to && from != Crs.WGS84) {
        steps.add(toWgs84.get(from));
      }
      if (from != to && to != Crs.WGS84) {
        steps.add(fromWgs84.get(to));
      }
      return steps;
    }
  }

  /** Replaces x and y of every coordinate by its transformed value. */
  private static final class TransformFilter implements CoordinateSequenceFilter {
    private final List<CoordinateTransform> steps;
    private final Crs from;
    private final Crs to;

    TransformFilter(List<CoordinateTransform> steps, Crs from, Crs to) {
      this.steps = steps;
      this.from = from;
      this.to = to;
    }

    @Override
    public void filter(CoordinateSequence sequence, int i) {
      ProjCoordinate transformed = transform(steps, sequence.getX(i), sequence.getY(i), from, to);
      sequence.setOrdinate(i, CoordinateSequence.X, transformed.x);
      sequence.setOrdinate(i, CoordinateSequence.Y, transformed.y);
    }

    @Override
    public boolean isDone() {
      return false;
    }

    @Override
    public boolean isGeometryChanged() {
      return true;
    }
  }
}
