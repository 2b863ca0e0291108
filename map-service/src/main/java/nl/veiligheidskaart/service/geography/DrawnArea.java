package nl.veiligheidskaart.service.geography;

import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.geodata.crs.CrsTransform;
import nl.veiligheidskaart.geodata.io.GeoJsonGeometries;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import tools.jackson.databind.JsonNode;

/**
 * An area a user drew (a waterbed check's target, an intervention's street block): a GeoJSON
 * Polygon or MultiPolygon, bare or in a Feature or a one-feature FeatureCollection, in CRS84 unless
 * its {@code crs} member names another, read into RD New. The one place that checks a drawn area.
 */
public final class DrawnArea {

  /** A drawn area is a few dozen clicks; a generous bound keeps the overlay work small. */
  public static final int MAX_VERTICES = 10_000;
  /** Where RD New is defined (EPSG:28992's area of use), in its metres. */
  private static final Envelope RD_NEW_DOMAIN = new Envelope(-7_000, 300_000, 289_000, 629_000);

  private DrawnArea() {
  }

  /**
   * The area in RD New.
   *
   * @param parameter the request's name for it, named in every refusal
   * @throws InvalidParameterException naming {@code parameter} for anything but a valid polygon in the Netherlands
   */
  public static Geometry read(JsonNode geoJson, String parameter) {
    JsonNode geometry = geoJson;
    String type = geoJson.path("type").asString("");
    if (type.equals("FeatureCollection")) {
      if (geoJson.path("features").size() != 1) {
        throw new InvalidParameterException(parameter, "send one polygon: the collection has "
            + geoJson.path("features").size() + " features");
      }
      geometry = geoJson.path("features").get(0).path("geometry");
    } else if (type.equals("Feature")) {
      geometry = geoJson.path("geometry");
    }
    Crs crs = Crs.WGS84;
    JsonNode crsName = geoJson.path("crs").path("properties").path("name");
    if (!crsName.isMissingNode()) {
      try {
        crs = Crs.parse(crsName.asString());
      } catch (IllegalArgumentException e) {
        throw new InvalidParameterException(parameter, e.getMessage());
      }
    }
    Geometry area;
    try {
      area = GeoJsonGeometries.read(geometry.toString());
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException(parameter, "not a GeoJSON polygon: " + e.getMessage());
    }
    if (!(area instanceof Polygonal) || area.isEmpty()) {
      throw new InvalidParameterException(parameter, "the " + parameter + " must be a valid Polygon or MultiPolygon");
    }
    if (area.getNumPoints() > MAX_VERTICES) {
      throw new InvalidParameterException(parameter, "the drawn area has " + area.getNumPoints()
          + " vertices; it may have " + MAX_VERTICES);
    }
    // Coordinates far outside any map (1e308) overflow the geometry arithmetic: refuse them first.
    if (!new Envelope(-1e7, 1e7, -1e7, 1e7).contains(area.getEnvelopeInternal()) || !area.isValid()) {
      throw new InvalidParameterException(parameter, "the " + parameter + " must be a valid Polygon or MultiPolygon");
    }
    area.setSRID(crs.epsg());
    Geometry inRdNew;
    try {
      inRdNew = CrsTransform.transform(area, crs, Crs.RD_NEW);
    } catch (RuntimeException outsideTheProjection) {
      inRdNew = null;
    }
    if (inRdNew == null || !RD_NEW_DOMAIN.contains(inRdNew.getEnvelopeInternal())) {
      throw new InvalidParameterException(parameter, "the drawn area lies outside the Netherlands (give CRS84 "
          + "longitude/latitude, or name the CRS in the crs member)");
    }
    return inRdNew;
  }
}
