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

/** Holiday parks as areas. */
@Component
@Order(60)
class HolidayParksLayer extends RiskLocationLayer {

  private static final VectorLayerSchema<Feature> SCHEMA = new VectorLayerSchema<>("holiday-parks",
      "Holiday parks", List.of(
          property("sourceId", STRING, "the id in the source system"),
          property("name", STRING, ""),
          property("units", NUMBER, "accommodation units"),
          property("demo", BOOLEAN, "synthetic demonstration data")));

  HolidayParksLayer(RiskLocationLayers registers) {
    super("Vakantieparken", SCHEMA, crs -> registers.holidayParks(crs).features(), Style.areas(MapStyle.HOLIDAY_PARK));
  }
}
