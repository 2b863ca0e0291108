package nl.veiligheidskaart.service.analysis;

import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * A risk layer operationalised per cell of a study area, as risk terrain modelling does (Caplan &amp;
 * Kennedy 2016), each as a 0/1 column:
 * <ul>
 * <li><b>proximity</b>: 1 where the cell's centre lies within d of a location of the layer (of its
 *     outline, for areas);
 * <li><b>density</b>: 1 where the quartic kernel density of the layer's locations (bandwidth d,
 *     areas by their centroid) at the cell's centre is above its mean over the study area's cells,
 *     i.e. where locations lie closer together than on average.
 * </ul>
 * Each location touches only the cells within d of it.
 */
public final class RiskFactorColumns {

  private static final GeometryFactory FACTORY = new GeometryFactory();

  private RiskFactorColumns() {
  }

  /** 1 where the cell's centre lies within {@code distance} of one of {@code locations}, else 0. */
  public static double[] proximity(StudyArea area, List<? extends Geometry> locations, double distance) {
    double[] column = new double[area.size()];
    for (Geometry location : locations) {
      Envelope reach = new Envelope(location.getEnvelopeInternal());
      reach.expandBy(distance);
      forCellsIn(area, reach, (cell, centre) -> {
        if (column[cell] == 0 && distance(location, centre) <= distance) {
          column[cell] = 1;
        }
      });
    }
    return column;
  }

  /**
   * 1 where the quartic kernel density of the locations with bandwidth {@code distance} is above
   * its mean over the cells, else 0 (all 0 without locations).
   */
  public static double[] density(StudyArea area, List<? extends Geometry> locations, double distance) {
    double[] density = new double[area.size()];
    double h2 = distance * distance;
    for (Geometry location : locations) {
      Coordinate point = location instanceof Point ? location.getCoordinate() : location.getCentroid().getCoordinate();
      Envelope reach = new Envelope(point);
      reach.expandBy(distance);
      forCellsIn(area, reach, (cell, centre) -> {
        double dx = point.x - centre.x;
        double dy = point.y - centre.y;
        double d2 = dx * dx + dy * dy;
        if (d2 < h2) {
          double u = 1 - d2 / h2;
          // the kernel's constant 3 / (π h²) is left out: only the comparison with the mean counts
          density[cell] += u * u;
        }
      });
    }
    double mean = 0;
    for (double value : density) {
      mean += value;
    }
    mean /= Math.max(1, density.length);
    double[] column = new double[density.length];
    for (int cell = 0; cell < density.length; cell++) {
      column[cell] = density[cell] > mean ? 1 : 0;
    }
    return column;
  }

  private interface CellVisitor {
    void visit(int cell, Coordinate centre);
  }

  private static void forCellsIn(StudyArea area, Envelope reach, CellVisitor visitor) {
    SquareGrid grid = area.grid();
    for (int row = grid.row(reach.getMinY()); row <= grid.row(reach.getMaxY()); row++) {
      for (int column = grid.column(reach.getMinX()); column <= grid.column(reach.getMaxX()); column++) {
        int cell = area.indexOf(column, row);
        if (cell >= 0) {
          visitor.visit(cell, grid.centre(column, row));
        }
      }
    }
  }

  private static double distance(Geometry location, Coordinate centre) {
    return location instanceof Point ? location.getCoordinate().distance(centre)
        : location.distance(FACTORY.createPoint(centre));
  }
}
