package nl.veiligheidskaart.geodata.io;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.veiligheidskaart.geodata.crs.Crs;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The features of a file as stored, before their coordinates are transformed.
 *
 * @param features the features in file order (of a GeoJSON file also those without geometry)
 * @param declaredCrs the CRS the file states, if it states one
 */
public record FeatureLayer(List<Feature> features, Optional<Crs> declaredCrs) {

  /** RD New coordinates of the Netherlands and its coastal waters, in metres. */
  private static final Envelope RD_EXTENT = new Envelope(0, 300_000, 289_000, 629_000);

  /**
   * The CRS of the coordinates: the declared one, else RD New when every coordinate lies in the
   * RD extent of the Netherlands (Dutch files often omit the member), else CRS84 as RFC 7946 says.
   */
  public Crs crs() {
    return declaredCrs.orElseGet(() -> {
      Envelope extent = new Envelope();
      features.stream().filter(feature -> feature.geometry() != null)
          .forEach(feature -> extent.expandToInclude(feature.geometry().getEnvelopeInternal()));
      return !extent.isNull() && RD_EXTENT.contains(extent) ? Crs.RD_NEW : Crs.WGS84;
    });
  }

  /**
   * One feature.
   *
   * @param properties attribute values by name as written in the file (values may be null)
   * @param geometry in the file's CRS, SRID not yet meaningful; null when the feature has none
   */
  public record Feature(Map<String, Object> properties, Geometry geometry) {
  }
}
