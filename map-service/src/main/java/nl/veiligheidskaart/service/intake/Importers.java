package nl.veiligheidskaart.service.intake;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** The importers by layer name, as the import endpoint and the command line address them. */
@Component
public class Importers {

  private final Map<String, LayerImporter> byLayer = new TreeMap<>();

  Importers(List<LayerImporter> importers) {
    importers.forEach(importer -> byLayer.put(importer.layer(), importer));
  }

  public Optional<LayerImporter> forLayer(String layer) {
    return Optional.ofNullable(byLayer.get(layer));
  }

  public List<String> layers() {
    return List.copyOf(byLayer.keySet());
  }
}
