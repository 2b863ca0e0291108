package nl.veiligheidskaart.service.maptiles;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import org.springframework.stereotype.Component;

/**
 * Every map layer the service serves, in drawing order (bottom first): the Spring components that
 * implement {@link MapLayerDefinition}, ordered by their {@code @Order}.
 */
@Component
public class MapLayerCatalogue {

  private final List<MapLayerDefinition> layers;

  MapLayerCatalogue(List<MapLayerDefinition> layers) {
    Set<String> ids = new HashSet<>();
    for (MapLayerDefinition layer : layers) {
      if (!ids.add(layer.id())) {
        throw new IllegalStateException("Two map layers have the id '" + layer.id() + "'");
      }
    }
    this.layers = List.copyOf(layers);
  }

  public List<MapLayerDefinition> all() {
    return layers;
  }

  /** The layers this reader may see, in drawing order. */
  public List<MapLayerDefinition> visibleTo(DisclosurePolicy policy) {
    return layers.stream().filter(layer -> layer.visibleTo(policy)).toList();
  }

  public Optional<MapLayerDefinition> find(String id) {
    return layers.stream().filter(layer -> layer.id().equals(id)).findFirst();
  }

  /** A layer every deployment has, by the id its class declares. */
  public MapLayerDefinition get(String id) {
    return find(id).orElseThrow(() -> new IllegalStateException("No map layer '" + id + "'"));
  }

  public List<String> ids() {
    return layers.stream().map(MapLayerDefinition::id).toList();
  }
}
