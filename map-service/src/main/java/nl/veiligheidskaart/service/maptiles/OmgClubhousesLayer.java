package nl.veiligheidskaart.service.maptiles;

import static nl.veiligheidskaart.service.maptiles.VectorLayerSchema.Type.BOOLEAN;
import static nl.veiligheidskaart.service.maptiles.VectorLayerSchema.Type.STRING;

import java.util.List;
import nl.veiligheidskaart.service.api.Feature;
import nl.veiligheidskaart.service.layers.RiskLocationLayers;
import nl.veiligheidskaart.tiles.render.MapStyle;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Clubhouses of outlaw motorcycle gangs (OMG) as points. */
@Component
@Order(70)
class OmgClubhousesLayer extends RiskLocationLayer {

  private static final VectorLayerSchema<Feature> SCHEMA = new VectorLayerSchema<>("omg-clubhouses",
      "Clubhouses of outlaw motorcycle gangs", List.of(
          property("sourceId", STRING, "the id in the source system"),
          property("club", STRING, ""),
          property("status", STRING, "active or closed"),
          property("demo", BOOLEAN, "synthetic demonstration data")));

  OmgClubhousesLayer(RiskLocationLayers registers) {
    super("Clubhuizen OMG", SCHEMA, crs -> registers.omgClubhouses(crs).features(),
        Style.points(MapStyle.OMG_CLUBHOUSE));
  }
}
