package nl.veiligheidskaart.service.maptiles;

import static nl.veiligheidskaart.service.maptiles.VectorLayerSchema.Type.BOOLEAN;
import static nl.veiligheidskaart.service.maptiles.VectorLayerSchema.Type.NUMBER;
import static nl.veiligheidskaart.service.maptiles.VectorLayerSchema.Type.STRING;

import java.util.List;
import nl.veiligheidskaart.service.api.Feature;
import nl.veiligheidskaart.service.layers.RiskLocationLayers;
import nl.veiligheidskaart.tiles.render.MapStyle;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Dismantled hemp plantations as points. */
@Component
@Order(50)
class HempSitesLayer extends RiskLocationLayer {

  private static final VectorLayerSchema<Feature> SCHEMA = new VectorLayerSchema<>("hemp-sites",
      "Dismantled hemp plantations", List.of(
          property("sourceId", STRING, "the id in the source system"),
          property("siteType", STRING, "house, business, outdoor or other"),
          property("foundOn", STRING, "the date found (ISO 8601)"),
          property("plantCount", NUMBER, "plants found"),
          property("demo", BOOLEAN, "synthetic demonstration data")));

  HempSitesLayer(RiskLocationLayers registers) {
    super("Hennepkwekerijen", SCHEMA, crs -> registers.hempSites(crs).features(), Style.points(MapStyle.HEMP_SITE));
  }
}
