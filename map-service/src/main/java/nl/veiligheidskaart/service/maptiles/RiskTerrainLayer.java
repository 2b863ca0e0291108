package nl.veiligheidskaart.service.maptiles;

import static nl.veiligheidskaart.service.maptiles.VectorLayerSchema.field;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.geodata.crs.CrsTransform;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.service.hotspots.IncidentSelection;
import nl.veiligheidskaart.service.hotspots.StudyGrid;
import nl.veiligheidskaart.service.maptiles.VectorLayerSchema.Type;
import nl.veiligheidskaart.service.riskterrain.RiskTerrain;
import nl.veiligheidskaart.service.riskterrain.RiskTerrainService;
import nl.veiligheidskaart.service.store.DataChangedEvent;
import nl.veiligheidskaart.tiles.geo.MatrixTile;
import nl.veiligheidskaart.tiles.geo.TileMatrixSet;
import nl.veiligheidskaart.tiles.mvt.VectorTileEncoder.TileLayer;
import nl.veiligheidskaart.tiles.render.MapLayer;
import nl.veiligheidskaart.tiles.render.MapLayer.Areas;
import nl.veiligheidskaart.tiles.render.MapLayer.StyledArea;
import nl.veiligheidskaart.tiles.render.MapStyle;
import nl.veiligheidskaart.tiles.render.MapStyle.Legend;
import nl.veiligheidskaart.tiles.render.Viewport;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The risk terrain map layer: the relative risk score of each cell of a risk terrain model over all
 * 76 municipalities from every risk layer, at {@value #CELL_SIZE} m cells, run once per filter and
 * kept until the data changes. Cells without a risk factor (score 1) are left open. Analysts only:
 * the cells draw the risk locations around which they lie.
 */
@Component
@Order(45)
public class RiskTerrainLayer extends MapLayerDefinition {

  public static final String ID = "risk-terrain";
  /** Cells of 500 m keep a model of all of Oost-Nederland within seconds. */
  static final double CELL_SIZE = 500;

  /** One cell with a risk factor, its outline in the map CRS. */
  record RiskCell(String cellId, Geometry outline, long count, double relativeRisk, String riskFactors) {
  }

  private record Key(MapLayerFilter filter, Crs crs) {
  }

  private static final VectorLayerSchema<RiskCell> SCHEMA = new VectorLayerSchema<>(ID,
      "cells of a risk terrain model with at least one risk factor", List.of(
          field("cellId", Type.STRING, "", RiskCell::cellId),
          field("count", Type.NUMBER, "incidents in the cell", RiskCell::count),
          field("relativeRisk", Type.NUMBER, "relative risk score: the product of the relative risk values of "
              + "the factors present", RiskCell::relativeRisk),
          field("riskFactors", Type.STRING, "the risk layers present, comma-separated", RiskCell::riskFactors)));

  private final RiskTerrainService riskTerrain;
  private final Cache<MapLayerFilter, Optional<RiskTerrain>> models = Caffeine.newBuilder().maximumSize(20)
      .expireAfterAccess(Duration.ofMinutes(10)).build();
  private final Cache<Key, STRtree> cells = Caffeine.newBuilder().maximumSize(20)
      .expireAfterAccess(Duration.ofMinutes(10)).build();

  RiskTerrainLayer(RiskTerrainService riskTerrain) {
    super(ID, "Risicoterrein (RTM)", Audience.ANALYSTS);
    this.riskTerrain = riskTerrain;
  }

  @Override
  public List<MapLayer> draw(Viewport viewport, MapLayerRequest request) {
    List<StyledArea> areas = within(request.filter(), viewport.crs(), viewport.world()).stream()
        .map(cell -> new StyledArea(cell.outline(), MapStyle.relativeRiskColour(cell.relativeRisk()), false))
        .toList();
    return List.of(new Areas(areas, null, 0, true));
  }

  @Override
  public Legend legend(MapLayerRequest request) {
    return MapStyle.relativeRiskLegend();
  }

  @Override
  public Optional<String> snapshotNote(MapLayerRequest request) {
    return Optional.of("Risicoterrein: relatief risico per cel van " + (int) CELL_SIZE
        + " m uit alle risicolagen (elastic net, daarna negatief binomiaal model).");
  }

  @Override
  public List<VectorLayer> vectorLayers(DisclosurePolicy policy, TileMatrixSet set) {
    return List.of(SCHEMA.describe(0, set.maxLevel()));
  }

  @Override
  public List<TileLayer> vectorTile(MatrixTile tile, MapLayerRequest request) {
    return List.of(SCHEMA.tileLayer(within(request.filter(), tile.set().crs(), vectorTileExtent(tile)),
        RiskCell::outline));
  }

  @EventListener
  void dataChanged(DataChangedEvent event) {
    models.invalidateAll();
    cells.invalidateAll();
  }

  @SuppressWarnings("unchecked")
  private List<RiskCell> within(MapLayerFilter filter, Crs crs, Envelope extent) {
    return cells.get(new Key(filter, crs), this::index).query(extent);
  }

  /** The model, or none where the selection holds no incidents or no layer explains them: a map without cells. */
  private Optional<RiskTerrain> model(MapLayerFilter filter) {
    try {
      return Optional.of(riskTerrain.riskTerrain(new IncidentSelection(filter.categories(), filter.from(),
          filter.to(), "all"), new RiskTerrainService.Options(CELL_SIZE, List.of(), null, 0)));
    } catch (InvalidParameterException e) {
      return Optional.empty();
    }
  }

  private STRtree index(Key key) {
    STRtree index = new STRtree();
    models.get(key.filter(), this::model).ifPresent(model -> {
      StudyGrid grid = model.grid();
      for (int i = 0; i < grid.size(); i++) {
        if (model.factorsOf()[i].length == 0) {
          continue;
        }
        Geometry outline = key.crs() == Crs.RD_NEW ? grid.polygon(i)
            : CrsTransform.transform(grid.polygon(i), Crs.RD_NEW, key.crs());
        List<String> present = new ArrayList<>();
        Arrays.stream(model.factorsOf()[i]).forEach(f -> present.add(model.factors().get(f).layer()));
        index.insert(outline.getEnvelopeInternal(), new RiskCell(grid.cellId(i), outline, grid.count(i),
            model.relativeRisk()[i], String.join(",", present)));
      }
    });
    index.build();
    return index;
  }
}
