package nl.veiligheidskaart.service.maptiles;

import static nl.veiligheidskaart.service.maptiles.VectorLayerSchema.field;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.geodata.crs.CrsTransform;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.service.incidents.CellRaster;
import nl.veiligheidskaart.service.incidents.IncidentQuery;
import nl.veiligheidskaart.service.incidents.IncidentReadModel;
import nl.veiligheidskaart.service.incidents.MapIncident;
import nl.veiligheidskaart.service.maptiles.VectorLayerSchema.Type;
import nl.veiligheidskaart.tiles.geo.MatrixTile;
import nl.veiligheidskaart.tiles.geo.TileCoordinate;
import nl.veiligheidskaart.tiles.geo.TileMatrixSet;
import nl.veiligheidskaart.tiles.mvt.VectorTileEncoder.TileLayer;
import nl.veiligheidskaart.tiles.render.MapLayer.Areas;
import nl.veiligheidskaart.tiles.render.MapLayer.Points;
import nl.veiligheidskaart.tiles.render.MapLayer.StyledArea;
import nl.veiligheidskaart.tiles.render.MapLayer;
import nl.veiligheidskaart.tiles.render.MapStyle.Legend;
import nl.veiligheidskaart.tiles.render.MapStyle;
import nl.veiligheidskaart.tiles.render.Viewport;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The incidents: counts per cell of 16 × 16 pixels, cells below the minimum count left out for every
 * role but analysts; analysts see single incidents from zoom 14 (or as fine a level in RD New).
 */
@Component
@Order(20)
public class IncidentsLayer extends MapLayerDefinition {

  public static final String ID = "incidents";
  /**
   * From this zoom's pixel size down, analysts see single incidents instead of cells. DESIGN.md
   * keeps raw-point tiles under about 500 kB; with a million incidents zoom-13 tiles in town
   * centres reach 650 kB (median 170 kB), zoom-14 tiles at most 185 kB.
   */
  public static final int RAW_POINTS_FROM_ZOOM = 14;
  /** Incidents are counted in cells of 16 × 16 CSS pixels: 16 cells per 256-pixel tile side. */
  public static final int CELL_PIXELS = 16;
  static final int CELLS_PER_TILE_SIDE = 256 / CELL_PIXELS;
  private static final GeometryFactory GEOMETRIES = new GeometryFactory(new PrecisionModel());
  /** The middle of the area served (6.1 E, 52.2 N), where the first level with raw points is measured. */
  private static final Coordinate AREA_CENTRE = new Coordinate(6.1, 52.2);
  private static final double EARTH_RADIUS = 6_378_137;
  private static final String CELLS_DESCRIPTION = "Incidents counted per cell of 16 x 16 pixels of the tile";

  /** A cell of the counting raster with the count the reader may see. */
  private record Cell(Envelope extent, long count) {
  }

  private static final VectorLayerSchema<Cell> CELLS = new VectorLayerSchema<>("incident-cells", CELLS_DESCRIPTION,
      List.of(field("count", Type.NUMBER, "incidents in the cell", Cell::count)));
  private static final VectorLayerSchema<MapIncident> POINTS = new VectorLayerSchema<>("incidents",
      "Single incidents", List.of(
          field("sourceId", Type.STRING, "the id in the source system", MapIncident::sourceId),
          field("category", Type.STRING, "the incident category", MapIncident::category),
          field("occurredAt", Type.STRING, "UTC, ISO 8601", MapIncident::occurredAtText),
          field("demo", Type.BOOLEAN, "synthetic demonstration data", MapIncident::demo)));

  private final IncidentReadModel incidents;

  IncidentsLayer(IncidentReadModel incidents) {
    super(ID, "Incidenten", Audience.EVERY_ROLE);
    this.incidents = incidents;
  }

  /**
   * Whether analysts see single incidents at this viewport's scale: its pixels as small on the ground
   * as Web Mercator's at {@link #RAW_POINTS_FROM_ZOOM} in the same place (in RD New from level 10,
   * 3.36 m pixels against 5.9 m).
   */
  public static boolean showsRawPoints(Viewport viewport) {
    double pixel = 2 * TileCoordinate.WORLD_HALF_WIDTH / 256 / (1 << RAW_POINTS_FROM_ZOOM);
    double unitsPerPixel = viewport.world().getWidth() / viewport.width();
    if (viewport.crs() == Crs.WEB_MERCATOR) {
      return unitsPerPixel <= pixel * 1.0001;
    }
    // Web Mercator's pixel on the ground shrinks by cos(latitude) = 1 / cosh(y / R) at the centre
    double mercatorY = CrsTransform.transform(viewport.world().centre(), viewport.crs(), Crs.WEB_MERCATOR).y;
    return unitsPerPixel * viewport.groundMetresPerUnit() <= pixel / Math.cosh(mercatorY / EARTH_RADIUS) * 1.0001;
  }

  /** The first level of a tile matrix set whose tiles show analysts single incidents in the area served. */
  public static int rawPointsFromLevel(TileMatrixSet set) {
    Coordinate centre = CrsTransform.transform(AREA_CENTRE, Crs.WGS84, set.crs());
    int level = 0;
    while (level < set.maxLevel()
        && !showsRawPoints(Viewport.ofTile(set.tileContaining(level, centre.x, centre.y), 1))) {
      level++;
    }
    return level;
  }

  @Override
  public OptionalInt rawPointsFromZoom(DisclosurePolicy policy) {
    return policy.exact() ? OptionalInt.of(RAW_POINTS_FROM_ZOOM) : OptionalInt.empty();
  }

  @Override
  public List<MapLayer> draw(Viewport viewport, MapLayerRequest request) {
    if (request.policy().exact() && showsRawPoints(viewport)) {
      List<Geometry> points = new ArrayList<>();
      incidents.forEachInExtent(viewport.crs(), viewport.world(), query(request),
          incident -> points.add(point(incident)));
      return List.of(new Points(points, MapStyle.INCIDENT));
    }
    List<StyledArea> cells = cells(viewport.crs(), viewport.world(), Math.max(1, viewport.width() / CELL_PIXELS),
        request).stream().map(cell -> new StyledArea(GEOMETRIES.toGeometry(cell.extent()),
            MapStyle.cellColour((int) cell.count()), false)).toList();
    return List.of(new Areas(cells, MapStyle.CELL_OUTLINE, 0.5, true));
  }

  @Override
  public Legend legend(MapLayerRequest request) {
    return MapStyle.cellLegend(request.policy().exact(), request.policy().minimumCount());
  }

  @Override
  public List<VectorLayer> vectorLayers(DisclosurePolicy policy, TileMatrixSet set) {
    int rawPointsFrom = rawPointsFromLevel(set);
    return policy.exact()
        ? List.of(CELLS.describe(0, rawPointsFrom - 1), POINTS.describe(rawPointsFrom, set.maxLevel()))
        : List.of(new VectorLayerSchema<>(CELLS.id(), CELLS_DESCRIPTION + "; cells below the minimum count are "
            + "left out", CELLS.fields()).describe(0, set.maxLevel()));
  }

  @Override
  public List<TileLayer> vectorTile(MatrixTile tile, MapLayerRequest request) {
    if (request.policy().exact() && showsRawPoints(Viewport.ofTile(tile, 1))) {
      List<MapIncident> found = new ArrayList<>();
      incidents.forEachInExtent(tile.set().crs(), vectorTileExtent(tile), query(request),
          found::add);
      return List.of(POINTS.tileLayer(found, IncidentsLayer::point));
    }
    return List.of(CELLS.tileLayer(cells(tile.set().crs(), tile.bounds(), CELLS_PER_TILE_SIDE, request),
        cell -> GEOMETRIES.toGeometry(cell.extent())));
  }

  /** Counts per cell of a side × side raster over an extent as the reader may see them, suppressed cells left out. */
  private List<Cell> cells(Crs crs, Envelope extent, int side, MapLayerRequest request) {
    DisclosurePolicy policy = request.policy();
    int[] counts = incidents.countCells(crs, extent, query(request).within(policy.visibleMunicipalities()), side);
    List<Cell> cells = new ArrayList<>();
    for (int cell = 0; cell < counts.length; cell++) {
      Long shown = counts[cell] == 0 ? null : policy.shown(counts[cell]);
      if (shown != null) {
        cells.add(new Cell(CellRaster.cellExtent(extent, side, cell), shown));
      }
    }
    return cells;
  }

  private static IncidentQuery query(MapLayerRequest request) {
    MapLayerFilter filter = request.filter();
    return IncidentQuery.of(filter.categories(), filter.from(), filter.to());
  }

  private static Geometry point(MapIncident incident) {
    return GEOMETRIES.createPoint(new Coordinate(incident.x(), incident.y()));
  }
}
