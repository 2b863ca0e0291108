package nl.veiligheidskaart.service.maptiles;

import static nl.veiligheidskaart.service.maptiles.VectorLayerSchema.field;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.service.maptiles.MunicipalityChoropleth.Choropleth;
import nl.veiligheidskaart.service.maptiles.MunicipalityChoropleth.MunicipalityValue;
import nl.veiligheidskaart.service.maptiles.MunicipalityChoropleth.State;
import nl.veiligheidskaart.service.maptiles.VectorLayerSchema.Type;
import nl.veiligheidskaart.tiles.geo.MatrixTile;
import nl.veiligheidskaart.tiles.geo.TileMatrixSet;
import nl.veiligheidskaart.tiles.mvt.VectorTileEncoder.TileLayer;
import nl.veiligheidskaart.tiles.render.MapLayer.Areas;
import nl.veiligheidskaart.tiles.render.MapLayer.StyledArea;
import nl.veiligheidskaart.tiles.render.MapLayer;
import nl.veiligheidskaart.tiles.render.MapStyle.Legend;
import nl.veiligheidskaart.tiles.render.MapStyle;
import nl.veiligheidskaart.tiles.render.Viewport;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The municipalities coloured by the choropleth's measure (count, per 1,000 inhabitants, per km² or change), suppressed
 * municipalities hatched; in vector tiles their outlines with the figures the reader may see.
 */
@Component
@Order(10)
public class MunicipalitiesLayer extends MapLayerDefinition {

  public static final String ID = "municipalities";

  /** A municipality's figures with the class of the legend it falls in (null where it has no value). */
  private record ClassifiedValue(MunicipalityValue value, Integer legendClass) {
  }

  private static final VectorLayerSchema<ClassifiedValue> SCHEMA = new VectorLayerSchema<>(ID,
      "Municipalities with the choropleth's figures; suppressed and out-of-scope municipalities carry no figures",
      List.of(
          field("code", Type.STRING, "CBS municipality code", v -> v.value().municipality().code()),
          field("name", Type.STRING, "", v -> v.value().municipality().name()),
          field("district", Type.STRING, "police district", v -> v.value().municipality().district()),
          field("state", Type.STRING, "shown, suppressed, not-defined or outside-scope",
              v -> v.value().state().name().toLowerCase(Locale.ROOT).replace('_', '-')),
          field("count", Type.NUMBER, "incidents in the period", v -> v.value().count()),
          field("previousCount", Type.NUMBER, "incidents in the period before (measure change only)",
              v -> v.value().previousCount()),
          field("value", Type.NUMBER, "the measure", v -> v.value().value()),
          field("class", Type.NUMBER, "the index of the legend entry", ClassifiedValue::legendClass)));

  private final MunicipalityChoropleth choropleth;

  MunicipalitiesLayer(MunicipalityChoropleth choropleth) {
    super(ID, "Gemeenten", Audience.EVERY_ROLE);
    this.choropleth = choropleth;
  }

  @Override
  public List<MapLayer> draw(Viewport viewport, MapLayerRequest request) {
    Choropleth map = choropleth(request);
    List<StyledArea> areas = map.municipalities().stream().map(value -> new StyledArea(
        value.municipality().outline(viewport.crs()), fill(value, map), value.state() == State.SUPPRESSED)).toList();
    return List.of(new Areas(areas, MapStyle.BOUNDARY, 1, false));
  }

  @Override
  public Legend legend(MapLayerRequest request) {
    return choropleth(request).legend();
  }

  @Override
  public String style(MapLayerRequest request) {
    return request.measure().wireName();
  }

  @Override
  public List<VectorLayer> vectorLayers(DisclosurePolicy policy, TileMatrixSet set) {
    return List.of(SCHEMA.describe(0, set.maxLevel()));
  }

  /** Outlines with the choropleth's figures; {@code class} is the legend entry (0 = first). */
  @Override
  public List<TileLayer> vectorTile(MatrixTile tile, MapLayerRequest request) {
    Choropleth map = choropleth(request);
    Crs crs = tile.set().crs();
    return List.of(SCHEMA.tileLayer(map.municipalities().stream()
        .map(value -> new ClassifiedValue(value, legendClass(value, map))).toList(),
        classified -> classified.value().municipality().outline(crs)));
  }

  @Override
  public Optional<String> snapshotNote(MapLayerRequest request) {
    ChoroplethMeasure measure = request.measure();
    Integer populationYear = measure == ChoroplethMeasure.RATE ? choropleth(request).populationYear() : null;
    return Optional.of("Gemeenten gekleurd naar: " + measure.title().toLowerCase(Locale.ROOT)
        + (measure == ChoroplethMeasure.CHANGE ? " (even lange periode ervoor)" : "")
        + (populationYear == null ? "" : " (inwoners op 1 januari " + populationYear + ")"));
  }

  private Choropleth choropleth(MapLayerRequest request) {
    return choropleth.choropleth(request.filter(), request.measure(), request.policy());
  }

  private static Color fill(MunicipalityValue value, Choropleth map) {
    return switch (value.state()) {
      case SHOWN -> map.measure() == ChoroplethMeasure.CHANGE ? MapStyle.changeColour(value.value())
          : MapStyle.sequentialColour(value.value(), map.breaks());
      case SUPPRESSED -> MapStyle.SUPPRESSED;
      case NOT_DEFINED -> MapStyle.NO_COMPARISON;
      case OUTSIDE_SCOPE -> new Color(0, 0, 0, 0);
    };
  }

  private static Integer legendClass(MunicipalityValue value, Choropleth map) {
    if (value.value() == null) {
      return null;
    }
    return map.measure() == ChoroplethMeasure.CHANGE ? MapStyle.changeClass(value.value())
        : MapStyle.sequentialClass(value.value(), map.breaks());
  }
}
