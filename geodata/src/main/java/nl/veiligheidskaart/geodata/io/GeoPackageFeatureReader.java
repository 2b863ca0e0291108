package nl.veiligheidskaart.geodata.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import nl.veiligheidskaart.geodata.crs.Crs;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * Reads the municipality feature table of a GeoPackage: the first table whose name contains
 * {@code gemeente}, otherwise the first feature table.
 */
public final class GeoPackageFeatureReader {

  private GeoPackageFeatureReader() {
  }

  public static FeatureLayer read(Path file) {
    GeoPackage geoPackage;
    try {
      geoPackage = GeoPackageManager.open(file.toFile(), false);
    } catch (RuntimeException e) {
      Throwable cause = e;
      while (cause.getCause() != null) {
        cause = cause.getCause(); // SQLite's own words, e.g. "file is not a database"
      }
      throw new FeatureFileException(file, "is not a readable GeoPackage (" + cause.getMessage()
          + "); export it again as GeoPackage or GeoJSON", e);
    }
    try (geoPackage) {
      List<String> tables = geoPackage.getFeatureTables();
      if (tables.isEmpty()) {
        throw new FeatureFileException(file, "contains no feature table");
      }
      String table = tables.stream()
          .filter(name -> name.toLowerCase(Locale.ROOT).contains("gemeente"))
          .findFirst()
          .orElse(tables.get(0));
      FeatureDao dao = geoPackage.getFeatureDao(table);
      return new FeatureLayer(features(file, table, dao), Optional.of(crs(file, table, dao.getSrs())));
    }
  }

  private static List<FeatureLayer.Feature> features(Path file, String table, FeatureDao dao) {
    WKBReader wkbReader = new WKBReader();
    List<FeatureLayer.Feature> features = new ArrayList<>();
    FeatureResultSet rows = dao.queryForAll();
    try {
      while (rows.moveToNext()) {
        FeatureRow row = rows.getRow();
        GeoPackageGeometryData geometry = row.getGeometry();
        if (geometry == null || geometry.isEmpty()) {
          continue;
        }
        Map<String, Object> properties = new HashMap<>();
        for (String column : row.getColumnNames()) {
          if (!column.equals(row.getGeometryColumnName())) {
            properties.put(column, row.getValue(column));
          }
        }
        features.add(new FeatureLayer.Feature(properties, wkbReader.read(geometry.getWkb())));
      }
    } catch (IOException | ParseException e) {
      throw new FeatureFileException(file, "table " + table + " has an unreadable geometry: "
          + e.getMessage(), e);
    } finally {
      rows.close();
    }
    return features;
  }

  private static Crs crs(Path file, String table, SpatialReferenceSystem srs) {
    String name = srs.getOrganization() + ":" + srs.getOrganizationCoordsysId();
    String problem = "table " + table + " uses spatial reference system " + name
        + ", which this reader cannot transform. ";
    String advice = " Reproject the file to EPSG:28992 (e.g. ogr2ogr -t_srs EPSG:28992).";
    if (!"EPSG".equalsIgnoreCase(srs.getOrganization())) {
      throw new FeatureFileException(file, problem + advice);
    }
    try {
      return Crs.fromEpsg((int) srs.getOrganizationCoordsysId());
    } catch (IllegalArgumentException e) {
      throw new FeatureFileException(file, problem + e.getMessage() + advice, e);
    }
  }
}
