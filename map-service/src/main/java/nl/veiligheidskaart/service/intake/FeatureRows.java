package nl.veiligheidskaart.service.intake;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.geodata.crs.CrsTransform;
import nl.veiligheidskaart.geodata.io.FeatureFileException;
import nl.veiligheidskaart.geodata.io.FeatureFiles;
import nl.veiligheidskaart.geodata.io.FeatureLayer;
import org.locationtech.jts.geom.Geometry;

/** The features of a GeoJSON or GeoPackage file as rows, geometry in RD New, numbered from 1. */
final class FeatureRows {

  private FeatureRows() {
  }

  static List<SourceRow> read(Path file) {
    FeatureLayer layer;
    try {
      layer = FeatureFiles.read(file);
    } catch (FeatureFileException e) {
      throw new ImportFileException(0, null, e.problem());
    }
    Crs crs = layer.crs();
    List<SourceRow> rows = new ArrayList<>(layer.features().size());
    long position = 0;
    for (FeatureLayer.Feature feature : layer.features()) {
      Map<String, String> values = new HashMap<>();
      feature.properties().forEach((name, value) -> {
        if (value != null && !value.toString().isBlank()) {
          values.putIfAbsent(name.toLowerCase(Locale.ROOT), value.toString().strip());
        }
      });
      rows.add(SourceRow.of(++position, values, inRdNew(feature.geometry(), crs)));
    }
    return rows;
  }

  static boolean isFeatureFile(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    return name.endsWith(".geojson") || name.endsWith(".json") || name.endsWith(".gpkg");
  }

  private static Geometry inRdNew(Geometry geometry, Crs crs) {
    if (geometry == null) {
      return null;
    }
    geometry.setSRID(crs.epsg()); // freshly read, so ours to label
    return CrsTransform.transform(geometry, crs, Crs.RD_NEW);
  }
}
