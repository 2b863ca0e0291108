package nl.veiligheidskaart.service.geography;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import nl.veiligheidskaart.geodata.boundary.BoundaryFileException;
import nl.veiligheidskaart.geodata.boundary.BoundaryFileReader;
import nl.veiligheidskaart.geodata.boundary.BoundaryFiles;
import nl.veiligheidskaart.geodata.boundary.BoundarySet;
import nl.veiligheidskaart.geodata.reference.ReferenceGeography;
import nl.veiligheidskaart.service.config.VeiligheidskaartProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On start-up: brings the fact table of municipalities and districts up to date and loads the
 * boundary file found in the geodata directory, once per vintage. Without a boundary file the
 * service runs on (municipalities then have no geometry) and the log says how to add one.
 */
@Component
@Order(1)
class BoundaryLoader implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(BoundaryLoader.class);

  private final ReferenceGeography reference;
  private final GeographyStore store;
  private final VeiligheidskaartProperties properties;

  BoundaryLoader(ReferenceGeography reference, GeographyStore store, VeiligheidskaartProperties properties) {
    this.reference = reference;
    this.store = store;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    store.synchroniseFactTable(reference);
    Path geodataDir = properties.geodataDir().toAbsolutePath().normalize();
    Optional<Path> file = BoundaryFiles.find(geodataDir);
    if (file.isEmpty()) {
      log.warn(howToLoadBoundaries(geodataDir));
      return;
    }
    try {
      BoundarySet boundaries = new BoundaryFileReader().read(file.get(), reference, properties.boundaryVintage());
      if (store.storeVintage(boundaries)) {
        log.info("Loaded {} municipal boundaries of vintage {} from {}", boundaries.boundaries().size(),
            boundaries.validFromYear(), boundaries.source());
      }
      List<String> missing = boundaries.missingCodes();
      if (!missing.isEmpty()) {
        log.warn("The boundary file {} has no boundary for {} of the {} municipalities: {}", file.get(),
            missing.size(), reference.municipalities().size(), missing);
      }
    } catch (BoundaryFileException e) {
      log.error("Municipal boundaries not loaded: {}. {}", e.getMessage(), howToLoadBoundaries(geodataDir));
    }
  }

  static String howToLoadBoundaries(Path geodataDir) {
    return """
        No municipal boundary file in %1$s: municipalities are served without geometry. To load \
        boundaries, download the CBS municipal boundaries of the wanted year from PDOK ("CBS \
        Gebiedsindelingen", layer gemeente_gegeneraliseerd), e.g. \
        curl -o %1$s/gemeenten-2019.geojson \
        'https://service.pdok.nl/cbs/gebiedsindelingen/2019/wfs/v1_0?service=WFS&version=2.0.0&request=GetFeature&typeName=gemeente_gegeneraliseerd&outputFormat=json' \
        (a GeoPackage works too; the file name must contain 'gemeente' and the year), or set \
        veiligheidskaart.geodata-dir to the folder that holds such a file, then restart.""".formatted(geodataDir);
  }
}
