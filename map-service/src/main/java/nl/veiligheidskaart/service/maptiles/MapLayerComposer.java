package nl.veiligheidskaart.service.maptiles;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.geodata.crs.CrsTransform;
import nl.veiligheidskaart.service.api.Feature;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.service.incidents.CellRaster;
import nl.veiligheidskaart.service.incidents.IncidentQuery;
import nl.veiligheidskaart.service.incidents.IncidentReadModel;
import nl.veiligheidskaart.service.layers.RiskLocationLayers;
import nl.veiligheidskaart.service.maptiles.MunicipalityChoropleth.Choropleth;
import nl.veiligheidskaart.service.maptiles.MunicipalityChoropleth.MunicipalityValue;
import nl.veiligheidskaart.tiles.geo.TileCoordinate;
import nl.veiligheidskaart.tiles.geo.TileMatrixSet;
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
import org.springframework.stereotype.Component;

/**
 * Turns a map layer, for a filter and a reader, into what the renderer draws over a viewport in Web
 * Mercator or RD New (geometries in the viewport's CRS), and gives its legend: the one place where
 * raster tiles and snapshots get their content, so that both show the same map.
 */
@Component
public class MapLayerComposer {

  /**
   * From this zoom's pixel size down, analysts see single incidents instead of cells. DESIGN.md
   * keeps raw-point tiles under about 500 kB; with a million incidents zoom-13 tiles in town
   * centres reach 650 kB (median 170 kB), zoom-14 tiles at most 185 kB.
   */
  public static final int RAW_POINTS_FROM_ZOOM = 14;
  /** Incidents are counted in cells of 16 × 16 CSS pixels: 16 cells per 256-pixel tile side. */
  public static final int CELL_PIXELS = 16;
  private static final GeometryFactory GEOMETRIES = new GeometryFactory(new PrecisionModel());
  /** The middle of the area served (6.1 E, 52.2 N), where the first level with raw points is measured. */
  private static final Coordinate AREA_CENTRE = new Coordinate(6.1, 52.2);
  private static final double EARTH_RADIUS = 6_378_137;

  private final MunicipalityChoropleth choropleth;
  private final HotspotLayer hotspots;
  private final HeatmapLayer heatmap;
  private final IncidentReadModel incidents;
  private final RiskLocationLayers riskLocations;

  MapLayerComposer(MunicipalityChoropleth choropleth, HotspotLayer hotspots, HeatmapLayer heatmap,
      IncidentReadModel incidents, RiskLocationLayers riskLocations) {
    this.choropleth = choropleth;
    this.hotspots = hotspots;
    this.heatmap = heatmap;
    this.incidents = incidents;
    this.riskLocations = riskLocations;
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

  /** What a layer draws over the viewport, in the viewport's CRS. */
  public List<MapLayer> draw(MapLayerId layer, Viewport viewport, MapLayerFilter filter, ChoroplethMeasure measure,
      DisclosurePolicy policy) {
    Crs crs = viewport.crs();
    return switch (layer) {
      case MUNICIPALITIES -> List.of(municipalities(crs, filter, measure, policy));
      case INCIDENTS -> List.of(policy.exact() && showsRawPoints(viewport)
          ? new Points(incidentPoints(crs, viewport.world(), filter), MapStyle.INCIDENT)
          : incidentCells(viewport, filter, policy));
      case HEATMAP -> List.of(heatmap.surface(viewport, filter));
      case HOTSPOTS -> List.of(hotspotCells(crs, viewport.world(), filter));
      case HEMP_SITES -> List.of(new Points(geometries(riskLocations.hempSites(crs).features()),
          MapStyle.HEMP_SITE));
      case HOLIDAY_PARKS -> List.of(new Areas(geometries(riskLocations.holidayParks(crs).features())
          .stream().map(g -> new StyledArea(g, MapStyle.HOLIDAY_PARK, false)).toList(), MapStyle.HOLIDAY_PARK.darker(),
          1, false));
      case OMG_CLUBHOUSES -> List.of(new Points(geometries(riskLocations.omgClubhouses(crs).features()),
          MapStyle.OMG_CLUBHOUSE));
    };
  }

  public Legend legend(MapLayerId layer, MapLayerFilter filter, ChoroplethMeasure measure, DisclosurePolicy policy) {
    return switch (layer) {
      case MUNICIPALITIES -> choropleth.choropleth(filter, measure, policy).legend();
      case INCIDENTS -> MapStyle.cellLegend(policy.exact(), policy.minimumCount());
      case HEATMAP -> heatmap.scale(filter).legend();
      case HOTSPOTS -> MapStyle.giBinLegend();
      case HEMP_SITES -> MapStyle.pointLegend(layer.title(), MapStyle.HEMP_SITE);
      case HOLIDAY_PARKS -> MapStyle.areaLegend(layer.title(), MapStyle.HOLIDAY_PARK);
      case OMG_CLUBHOUSES -> MapStyle.pointLegend(layer.title(), MapStyle.OMG_CLUBHOUSE);
    };
  }

  private Areas municipalities(Crs crs, MapLayerFilter filter, ChoroplethMeasure measure, DisclosurePolicy policy) {
    Choropleth map = choropleth.choropleth(filter, measure, policy);
    List<StyledArea> areas = new ArrayList<>();
    for (MunicipalityValue value : map.municipalities()) {
      Color fill = switch (value.state()) {
        case SHOWN -> measure == ChoroplethMeasure.CHANGE ? MapStyle.changeColour(value.value())
            : MapStyle.sequentialColour(value.value(), map.breaks());
        case SUPPRESSED -> MapStyle.SUPPRESSED;
        case NOT_DEFINED -> MapStyle.NO_COMPARISON;
        case OUTSIDE_SCOPE -> new Color(0, 0, 0, 0);
      };
      areas.add(new StyledArea(value.municipality().outline(crs), fill,
          value.state() == MunicipalityChoropleth.State.SUPPRESSED));
    }
    return new Areas(areas, MapStyle.BOUNDARY, 1, false);
  }

  /** The selected incidents in an extent, as points of its CRS. */
  List<Geometry> incidentPoints(Crs crs, Envelope extent, MapLayerFilter filter) {
    List<Geometry> points = new ArrayList<>();
    incidents.forEachInExtent(crs, extent, IncidentQuery.of(filter.categories(), filter.from(), filter.to()),
        incident -> points.add(GEOMETRIES.createPoint(new Coordinate(incident.x(), incident.y()))));
    return points;
  }

  private Areas incidentCells(Viewport viewport, MapLayerFilter filter, DisclosurePolicy policy) {
    int side = Math.max(1, viewport.width() / CELL_PIXELS);
    Envelope world = viewport.world();
    int[] counts = incidents.countCells(viewport.crs(), world, IncidentQuery.of(filter.categories(), filter.from(),
        filter.to()).within(policy.visibleMunicipalities()), side);
    List<StyledArea> cells = new ArrayList<>();
    for (int cell = 0; cell < counts.length; cell++) {
      Long shown = counts[cell] == 0 ? null : policy.shown(counts[cell]);
      if (shown == null) {
        continue;
      }
      cells.add(new StyledArea(GEOMETRIES.toGeometry(CellRaster.cellExtent(world, side, cell)),
          MapStyle.cellColour(shown.intValue()), false));
    }
    return new Areas(cells, MapStyle.CELL_OUTLINE, 0.5, true);
  }

  private Areas hotspotCells(Crs crs, Envelope extent, MapLayerFilter filter) {
    List<StyledArea> cells = new ArrayList<>();
    for (HotspotLayer.HotspotCell cell : hotspots.cells(filter, crs).within(extent)) {
      // not significant: left open, so that the layers under it (the choropleth, the basemap) show
      if (cell.bin() != 0) {
        cells.add(new StyledArea(cell.outline(), MapStyle.giBinColour(cell.bin()), false));
      }
    }
    return new Areas(cells, null, 0, true);
  }

  private static List<Geometry> geometries(List<Feature> features) {
    return features.stream().map(Feature::geometry).filter(g -> g != null).toList();
  }
}
