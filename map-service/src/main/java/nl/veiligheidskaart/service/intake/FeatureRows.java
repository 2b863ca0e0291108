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

  /** A holiday park's outline needs hundreds of vertices; more than this is a drawing error or an attack. */
  static final int MAX_VERTICES_PER_FEATURE = 50_000;
  /** All geometries of one file together. */
  static final long MAX_VERTICES = 2_000_000;

  private FeatureRows() {
  }

  static List<SourceRow> read(Path file) {
    FeatureLayer layer;
    try {
      layer = FeatureFiles.read(file);
    } catch (FeatureFileException e) {
      throw new ImportFileException(0, null, e.problem());
    }
    // Feature files hold risk locations: refused at once when longer than an import of them takes.
    if (layer.features().size() > ImportRun.MAX_RISK_LOCATIONS) {
      throw new ImportFileException(0, null, "the file has " + layer.features().size() + " features, more than the "
          + ImportRun.MAX_RISK_LOCATIONS + " rows one import of this layer takes; split it");
    }
    Crs crs = layer.crs();
    List<SourceRow> rows = new ArrayList<>(layer.features().size());
    long position = 0;
    long vertices = 0;
    for (FeatureLayer.Feature feature : layer.features()) {
      int featureVertices = feature.geometry() == null ? 0 : feature.geometry().getNumPoints();
      vertices += featureVertices;
      if (featureVertices > MAX_VERTICES_PER_FEATURE) {
        throw new ImportFileException(position + 1, "geometry", "feature " + (position + 1) + " has " + featureVertices
            + " vertices, more than the " + MAX_VERTICES_PER_FEATURE + " one feature may have; simplify it (e.g. "
            + "ogr2ogr -simplify 1)");
      }
      if (vertices > MAX_VERTICES) {
        throw new ImportFileException(position + 1, "geometry", "the features up to number " + (position + 1)
            + " have more than the " + MAX_VERTICES + " vertices one file may have; split or simplify it");
      }
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
