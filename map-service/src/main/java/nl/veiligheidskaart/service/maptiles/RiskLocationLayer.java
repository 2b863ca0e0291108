package nl.veiligheidskaart.service.maptiles;

import java.awt.Color;
import java.util.List;
import java.util.function.Function;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.service.api.Feature;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.service.maptiles.VectorLayerSchema.Type;
import nl.veiligheidskaart.tiles.geo.MatrixTile;
import nl.veiligheidskaart.tiles.geo.TileMatrixSet;
import nl.veiligheidskaart.tiles.mvt.VectorTileEncoder.TileLayer;
import nl.veiligheidskaart.tiles.render.MapLayer.Areas;
import nl.veiligheidskaart.tiles.render.MapLayer.Points;
import nl.veiligheidskaart.tiles.render.MapLayer.StyledArea;
import nl.veiligheidskaart.tiles.render.MapLayer;
import nl.veiligheidskaart.tiles.render.MapStyle.Legend;
import nl.veiligheidskaart.tiles.render.MapStyle.PointSymbol;
import nl.veiligheidskaart.tiles.render.MapStyle;
import nl.veiligheidskaart.tiles.render.Viewport;
import org.locationtech.jts.geom.Geometry;

/**
 * A layer of risk locations (the strategy's "sleutellocaties"): the locations of one register as
 * they are, for analysts only, at every level, drawn as points with a symbol or as areas with a
 * fill. In vector tiles the features carry the register's GeoJSON properties that the schema names.
 * A new register is a subclass that passes these to the constructor.
 */
abstract class RiskLocationLayer extends MapLayerDefinition {

  /** How the locations are drawn: as points with a symbol, or as areas with a fill (null for the other). */
  protected record Style(PointSymbol symbol, Color fill) {

    static Style points(PointSymbol symbol) {
      return new Style(symbol, null);
    }

    static Style areas(Color fill) {
      return new Style(null, fill);
    }
  }

  private final VectorLayerSchema<Feature> schema;
  private final Function<Crs, List<Feature>> locations;
  private final Style style;

  /**
   * @param schema its id is the layer's id
   * @param locations the register's locations as GeoJSON features in a CRS
   */
  protected RiskLocationLayer(String title, VectorLayerSchema<Feature> schema, Function<Crs, List<Feature>> locations,
      Style style) {
    super(schema.id(), title, Audience.ANALYSTS);
    this.schema = schema;
    this.locations = locations;
    this.style = style;
  }

  /** A field whose value is the GeoJSON property of the same name. */
  protected static VectorLayerSchema.Field<Feature> property(String name, Type type, String meaning) {
    return VectorLayerSchema.field(name, type, meaning, feature -> feature.properties().get(name));
  }

  @Override
  public List<MapLayer> draw(Viewport viewport, MapLayerRequest request) {
    List<Geometry> shapes = locations.apply(viewport.crs()).stream().map(Feature::geometry).filter(g -> g != null)
        .toList();
    if (style.symbol() != null) {
      return List.of(new Points(shapes, style.symbol()));
    }
    return List.of(new Areas(shapes.stream().map(area -> new StyledArea(area, style.fill(), false)).toList(),
        style.fill().darker(), 1, false));
  }

  @Override
  public Legend legend(MapLayerRequest request) {
    return style.symbol() != null ? MapStyle.pointLegend(title(), style.symbol())
        : MapStyle.areaLegend(title(), style.fill());
  }

  @Override
  public List<VectorLayer> vectorLayers(DisclosurePolicy policy, TileMatrixSet set) {
    return List.of(schema.describe(0, set.maxLevel()));
  }

  @Override
  public List<TileLayer> vectorTile(MatrixTile tile, MapLayerRequest request) {
    return List.of(schema.tileLayer(locations.apply(tile.set().crs()), Feature::geometry));
  }
}
