package nl.veiligheidskaart.tiles.render;

import java.awt.Color;
import java.util.List;
import nl.veiligheidskaart.tiles.render.MapStyle.PointSymbol;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/** What the renderer draws, in the viewport's projected coordinates; styles come from {@link MapStyle}. */
public sealed interface MapLayer {

  /** One filled area; a hatched area is drawn in its fill with {@link MapStyle#HATCH} lines over it. */
  record StyledArea(Geometry geometry, Color fill, boolean hatched) {
  }

  /**
   * Filled areas with an outline (null for none). Areas that tile the plane, such as grid cells,
   * are drawn without antialiasing, so that no seams show between neighbours.
   */
  record Areas(List<StyledArea> areas, Color outline, double outlineWidth, boolean tiling) implements MapLayer {
  }

  /** Point symbols at point geometries. */
  record Points(List<Geometry> points, PointSymbol symbol) implements MapLayer {
  }

  /**
   * A density surface: {@code values} row by row from north to south over {@code extent}, coloured
   * on the heatmap ramp as a fraction of {@code maximum}.
   */
  record DensitySurface(double[] values, int columns, int rows, Envelope extent, double maximum)
      implements MapLayer {

    public DensitySurface {
      if (values.length != (long) columns * rows) {
        throw new IllegalArgumentException(columns + " × " + rows + " cells, but " + values.length + " values");
      }
    }
  }
}
