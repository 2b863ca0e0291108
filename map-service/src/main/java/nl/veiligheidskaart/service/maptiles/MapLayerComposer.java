package nl.veiligheidskaart.service.maptiles;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.service.api.Feature;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.service.layers.RiskLocationLayers;
import nl.veiligheidskaart.service.maptiles.MunicipalityChoropleth.Choropleth;
import nl.veiligheidskaart.service.maptiles.MunicipalityChoropleth.MunicipalityValue;
import nl.veiligheidskaart.tiles.geo.TileCoordinate;
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
 * Turns a map layer, for a filter and a reader, into what the renderer draws over a Web
 * Mercator viewport, and gives its legend: the one place where raster tiles and snapshots get
 * their content, so that both show the same map.
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
  private static final GeometryFactory WEB_MERCATOR = new GeometryFactory(new PrecisionModel(), 3857);

  private final MunicipalityChoropleth choropleth;
  private final HotspotLayer hotspots;
  private final HeatmapLayer heatmap;
  private final IncidentIndexLoader incidents;
  private final RiskLocationLayers riskLocations;

  MapLayerComposer(MunicipalityChoropleth choropleth, HotspotLayer hotspots, HeatmapLayer heatmap,
      IncidentIndexLoader incidents, RiskLocationLayers riskLocations) {
    this.choropleth = choropleth;
    this.hotspots = hotspots;
    this.heatmap = heatmap;
    this.incidents = incidents;
    this.riskLocations = riskLocations;
  }

  /** Whether analysts see single incidents at this viewport's scale (pixels as small as at that zoom). */
  public static boolean showsRawPoints(Viewport viewport) {
    double pixel = 2 * TileCoordinate.WORLD_HALF_WIDTH / 256 / (1 << RAW_POINTS_FROM_ZOOM);
    return viewport.world().getWidth() / viewport.width() <= pixel * 1.0001;
  }

  public List<MapLayer> draw(MapLayerId layer, Viewport viewport, MapLayerFilter filter, ChoroplethMeasure measure,
      DisclosurePolicy policy) {
    return switch (layer) {
      case MUNICIPALITIES -> List.of(municipalities(filter, measure, policy));
      case INCIDENTS -> List.of(policy.exact() && showsRawPoints(viewport)
          ? new Points(incidentPoints(viewport.world(), filter), MapStyle.INCIDENT)
          : incidentCells(viewport, filter, policy));
      case HEATMAP -> List.of(heatmap.surface(viewport, filter));
      case HOTSPOTS -> List.of(hotspotCells(viewport.world(), filter));
      case HEMP_SITES -> List.of(new Points(geometries(riskLocations.hempSites(Crs.WEB_MERCATOR).features()),
          MapStyle.HEMP_SITE));
      case HOLIDAY_PARKS -> List.of(new Areas(geometries(riskLocations.holidayParks(Crs.WEB_MERCATOR).features())
          .stream().map(g -> new StyledArea(g, MapStyle.HOLIDAY_PARK, false)).toList(), MapStyle.HOLIDAY_PARK.darker(),
          1, false));
      case OMG_CLUBHOUSES -> List.of(new Points(geometries(riskLocations.omgClubhouses(Crs.WEB_MERCATOR)
          .features()), MapStyle.OMG_CLUBHOUSE));
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

  private Areas municipalities(MapLayerFilter filter, ChoroplethMeasure measure, DisclosurePolicy policy) {
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
      areas.add(new StyledArea(value.municipality().mercator(), fill,
          value.state() == MunicipalityChoropleth.State.SUPPRESSED));
    }
    return new Areas(areas, MapStyle.BOUNDARY, 1, false);
  }

  /** The selected incidents in an extent, as Web Mercator points. */
  List<Geometry> incidentPoints(Envelope mercator, MapLayerFilter filter) {
    IncidentIndex index = incidents.current();
    List<Geometry> points = new ArrayList<>();
    index.forEach(mercator, index.select(filter.categories(), filter.from(), filter.to()),
        i -> points.add(WEB_MERCATOR.createPoint(new Coordinate(index.mercatorX(i), index.mercatorY(i)))));
    return points;
  }

  private Areas incidentCells(Viewport viewport, MapLayerFilter filter, DisclosurePolicy policy) {
    IncidentIndex index = incidents.current();
    int side = Math.max(1, viewport.width() / CELL_PIXELS);
    Envelope world = viewport.world();
    int[] counts = index.countCells(world, index.select(filter.categories(), filter.from(), filter.to(),
        policy.visibleMunicipalities()), side);
    List<StyledArea> cells = new ArrayList<>();
    for (int cell = 0; cell < counts.length; cell++) {
      Long shown = counts[cell] == 0 ? null : policy.shown(counts[cell]);
      if (shown == null) {
        continue;
      }
      cells.add(new StyledArea(WEB_MERCATOR.toGeometry(IncidentIndex.cellExtent(world, side, cell)),
          MapStyle.cellColour(shown.intValue()), false));
    }
    return new Areas(cells, MapStyle.CELL_OUTLINE, 0.5, true);
  }

  private Areas hotspotCells(Envelope mercator, MapLayerFilter filter) {
    List<StyledArea> cells = new ArrayList<>();
    for (HotspotLayer.HotspotCell cell : hotspots.cells(filter).within(mercator)) {
      // not significant: left open, so that the layers under it (the choropleth, the basemap) show
      if (cell.bin() != 0) {
        cells.add(new StyledArea(cell.mercator(), MapStyle.giBinColour(cell.bin()), false));
      }
    }
    return new Areas(cells, null, 0, true);
  }

  private static List<Geometry> geometries(List<Feature> features) {
    return features.stream().map(Feature::geometry).filter(g -> g != null).toList();
  }
}
