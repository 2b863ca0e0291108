package nl.veiligheidskaart.service.maptiles;

import static nl.veiligheidskaart.service.maptiles.VectorLayerSchema.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.service.identity.Role;
import nl.veiligheidskaart.service.maptiles.VectorLayerSchema.Type;
import nl.veiligheidskaart.tiles.geo.MatrixTile;
import nl.veiligheidskaart.tiles.geo.TileMatrixSet;
import nl.veiligheidskaart.tiles.mvt.VectorTileEncoder.TileLayer;
import nl.veiligheidskaart.tiles.render.MapLayer;
import nl.veiligheidskaart.tiles.render.MapStyle.Legend;
import nl.veiligheidskaart.tiles.render.Viewport;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;
import org.springframework.security.access.AccessDeniedException;

/** The catalogue of map layers, and a layer's vector schema: one declaration, tags and TileJSON alike. */
class MapLayerCatalogueTest {

  private static final Instant RELEASED = Instant.parse("2026-12-01T00:00:00Z");
  private static final DisclosurePolicy ANALYST = new DisclosurePolicy(Role.ANALYST, null, null, 10, 1.0, RELEASED);
  private static final DisclosurePolicy BOARD = new DisclosurePolicy(Role.BBG, null, null, 10, 1.0, RELEASED);
  private static final DisclosurePolicy ADMIN = new DisclosurePolicy(Role.ADMIN, null, null, 10, 1.0, RELEASED);

  /** A camera register as a new layer would add it: nothing but its own class. */
  private record Camera(String wkt, String owner, Integer lenses) {
  }

  private static final VectorLayerSchema<Camera> CAMERAS = new VectorLayerSchema<>("cameras", "Camera surveillance",
      List.of(field("owner", Type.STRING, "", Camera::owner),
          field("lenses", Type.NUMBER, "lenses at the site", Camera::lenses)));

  private static final class CameraLayer extends MapLayerDefinition {

    CameraLayer(String id, Audience audience) {
      super(id, "Cameratoezicht", audience);
    }

    @Override
    public List<MapLayer> draw(Viewport viewport, MapLayerRequest request) {
      return List.of();
    }

    @Override
    public Legend legend(MapLayerRequest request) {
      return new Legend(title(), "", List.of());
    }

    @Override
    public List<VectorLayer> vectorLayers(DisclosurePolicy policy, TileMatrixSet set) {
      return List.of(CAMERAS.describe(0, set.maxLevel()));
    }

    @Override
    public List<TileLayer> vectorTile(MatrixTile tile, MapLayerRequest request) {
      return List.of();
    }
  }

  @Test
  void listsLayersInOrderAndOnlyThoseTheReaderMaySee() {
    MapLayerCatalogue catalogue = new MapLayerCatalogue(List.of(
        new CameraLayer("cameras", MapLayerDefinition.Audience.EVERY_ROLE),
        new CameraLayer("camera-heatmap", MapLayerDefinition.Audience.ANALYSTS)));

    assertThat(catalogue.ids()).containsExactly("cameras", "camera-heatmap");
    assertThat(catalogue.visibleTo(ANALYST)).extracting(MapLayerDefinition::id)
        .containsExactly("cameras", "camera-heatmap");
    assertThat(catalogue.visibleTo(BOARD)).extracting(MapLayerDefinition::id).containsExactly("cameras");
    // the administrator runs imports and accounts: no figures drawn from incidents
    assertThat(catalogue.visibleTo(ADMIN)).isEmpty();
    assertThatThrownBy(() -> catalogue.get("camera-heatmap").requireVisibleTo(BOARD))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(catalogue.find("nothing")).isEmpty();
  }

  @Test
  void refusesTwoLayersWithOneId() {
    assertThatThrownBy(() -> new MapLayerCatalogue(List.of(new CameraLayer("cameras",
        MapLayerDefinition.Audience.EVERY_ROLE), new CameraLayer("cameras", MapLayerDefinition.Audience.ANALYSTS))))
        .hasMessageContaining("cameras");
  }

  @Test
  void schemaWritesTheTagsItDescribes() throws Exception {
    WKTReader wkt = new WKTReader();
    List<Camera> cameras = List.of(new Camera("POINT (10 20)", "gemeente", 3), new Camera(null, "politie", 1),
        new Camera("POINT (30 40)", "politie", null));

    TileLayer layer = CAMERAS.tileLayer(cameras, camera -> read(wkt, camera.wkt()));

    assertThat(layer.name()).isEqualTo("cameras");
    // a feature without geometry is left out; a null value is a tag the encoder leaves out
    assertThat(layer.features()).extracting(feature -> feature.geometry().toText())
        .containsExactly("POINT (10 20)", "POINT (30 40)");
    Map<String, Object> second = new LinkedHashMap<>();
    second.put("owner", "politie");
    second.put("lenses", null);
    assertThat(layer.features()).extracting(feature -> feature.attributes())
        .containsExactly(Map.of("owner", "gemeente", "lenses", 3), second);
    assertThat(CAMERAS.describe(0, 16)).isEqualTo(new VectorLayer("cameras", "Camera surveillance",
        Map.of("owner", "String", "lenses", "Number: lenses at the site"), 0, 16));
  }

  private static Geometry read(WKTReader wkt, String text) {
    try {
      return text == null ? null : wkt.read(text);
    } catch (org.locationtech.jts.io.ParseException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
