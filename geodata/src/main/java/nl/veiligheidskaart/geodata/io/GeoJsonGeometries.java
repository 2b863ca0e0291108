package nl.veiligheidskaart.geodata.io;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/**
 * The project's one way to turn geometries into GeoJSON geometry objects and back (jts-io-common).
 *
 * <p>Written geometries carry no {@code crs} member: RFC 7946 removed it, and the CRS of a
 * response is stated by the endpoint instead.
 */
public final class GeoJsonGeometries {

  /** Beyond this a double has no more digits to give. */
  private static final int MAX_DECIMALS = 15;

  private GeoJsonGeometries() {
  }

  /**
   * The GeoJSON geometry object of {@code geometry}, ordinates rounded to {@code decimals}
   * places (e.g. 7 for degrees, about 1 cm; 2 for RD metres). Polygon rings follow the RFC 7946
   * right-hand rule: exterior counter-clockwise, holes clockwise.
   *
   * @throws IllegalArgumentException if {@code decimals} is not between 0 and 15
   */
  public static String write(Geometry geometry, int decimals) {
    if (decimals < 0 || decimals > MAX_DECIMALS) {
      throw new IllegalArgumentException(
          "decimals must be between 0 and " + MAX_DECIMALS + ", was " + decimals);
    }
    GeoJsonWriter writer = new GeoJsonWriter(decimals);
    writer.setEncodeCRS(false);
    writer.setForceCCW(true);
    return writer.write(geometry);
  }

  /**
   * The geometry of a GeoJSON geometry object (a Feature or FeatureCollection gives its
   * geometries as a GeometryCollection). The SRID is 4326, as RFC 7946 makes every GeoJSON
   * CRS84 (x = longitude), unless the JSON has a legacy {@code crs} member named {@code EPSG:n}.
   *
   * @throws IllegalArgumentException if {@code json} is not GeoJSON
   */
  public static Geometry read(String json) {
    try {
      return new GeoJsonReader().read(json);
    } catch (ParseException | RuntimeException e) {
      throw new IllegalArgumentException("Not a GeoJSON geometry: " + e.getMessage(), e);
    }
  }
}
