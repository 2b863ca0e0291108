package nl.veiligheidskaart.service.hotspots;

import nl.veiligheidskaart.service.analysis.StudyArea;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * The cells a grid analysis ran on and the incidents counted in each: cell {@code i} of every
 * array of a grid result is cell {@code i} of {@link StudyArea}.
 *
 * @param area the RD-aligned cells whose centre lies in the analysed area
 * @param counts incidents per cell
 */
public record StudyGrid(StudyArea area, double[] counts) {

  private static final GeometryFactory RD_NEW = new GeometryFactory(new PrecisionModel(), 28992);

  public int size() {
    return area.size();
  }

  /** The cell's stable id, e.g. {@code 250m_E840_N1886}: cell size, then column and row of the RD grid. */
  public String cellId(int cell) {
    return (long) area.grid().cellSize() + "m_E" + area.column(cell) + "_N" + area.row(cell);
  }

  /** The incidents counted in the cell. */
  public long count(int cell) {
    return (long) counts[cell];
  }

  /** The cell's square in RD New (SRID 28992). */
  public Geometry polygon(int cell) {
    return RD_NEW.toGeometry(area.grid().cell(area.column(cell), area.row(cell)));
  }
}
