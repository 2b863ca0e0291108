package nl.veiligheidskaart.geodata.boundary;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.veiligheidskaart.geodata.crs.Crs;
import org.locationtech.jts.geom.Geometry;

/**
 * The features of a boundary file as stored, before codes are matched and coordinates
 * transformed.
 *
 * @param features the features that have a geometry
 * @param declaredCrs the CRS the file states, if it states one
 */
record SourceLayer(List<Feature> features, Optional<Crs> declaredCrs) {

  /**
   * One feature.
   *
   * @param properties attribute values by name as written in the file (values may be null)
   * @param geometry in the file's CRS, SRID not yet meaningful
   */
  record Feature(Map<String, Object> properties, Geometry geometry) {
  }
}
