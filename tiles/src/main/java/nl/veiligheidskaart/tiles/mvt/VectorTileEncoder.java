package nl.veiligheidskaart.tiles.mvt;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.JtsAdapter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtEncoder;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.UserDataKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import io.github.sebasbaumh.mapbox.vectortile.build.MvtLayerParams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.veiligheidskaart.tiles.geo.TileCoordinate;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * Mapbox Vector Tiles (MVT 2.1) of Web Mercator features: extent 4096, clipped 64 units beyond
 * the tile edge so that lines and fills join seamlessly, as PostGIS {@code ST_AsMVTGeom(..., 4096,
 * 64, true)} does. Attributes become feature tags; null values are left out.
 */
public final class VectorTileEncoder {

  public static final int EXTENT = 4096;
  public static final int BUFFER = 64;
  private static final MvtLayerParams PARAMS = new MvtLayerParams(EXTENT);
  private static final GeometryFactory FACTORY = new GeometryFactory();

  /** One feature: geometry in EPSG:3857 metres, attributes as tags. */
  public record TileFeature(Geometry geometry, Map<String, Object> attributes) {
  }

  /** A named layer of features. */
  public record TileLayer(String name, List<TileFeature> features) {
  }

  private VectorTileEncoder() {
  }

  public static byte[] encode(TileCoordinate tile, List<TileLayer> layers) {
    Envelope bounds = tile.bounds();
    Envelope clip = new Envelope(bounds);
    clip.expandBy(bounds.getWidth() * BUFFER / EXTENT);
    // What may still round into the buffer: half a tile unit more.
    Envelope reach = new Envelope(clip);
    reach.expandBy(bounds.getWidth() * 0.5 / EXTENT);
    List<JtsLayer> encoded = new ArrayList<>();
    for (TileLayer layer : layers) {
      List<Geometry> geometries = new ArrayList<>();
      for (TileFeature feature : layer.features()) {
        Envelope envelope = feature.geometry().getEnvelopeInternal();
        if (!envelope.intersects(reach)) {
          continue;
        }
        Geometry inTile;
        if (feature.geometry() instanceof Point) {
          // As ST_AsMVTGeom: rounded to tile units first, then kept if within the buffer.
          inTile = toTileUnits(feature.geometry(), bounds);
          Coordinate at = inTile.getCoordinate();
          if (at.x < -BUFFER || at.x > EXTENT + BUFFER || at.y < -BUFFER || at.y > EXTENT + BUFFER) {
            continue;
          }
        } else {
          // Clipping is a polygon overlay; an area within the clip area needs none (incident cells, most hotspot cells).
          inTile = clip.contains(envelope) ? toTileUnits(feature.geometry(), bounds)
              : JtsAdapter.createTileGeom(feature.geometry(), bounds, clip, FACTORY, PARAMS, g -> true);
        }
        if (inTile == null || inTile.isEmpty()) {
          continue;
        }
        Map<String, Object> tags = tags(feature.attributes());
        // Clipping can fall apart into a mixed collection: each part becomes a feature with the same tags.
        boolean mixed = inTile.getClass() == GeometryCollection.class;
        for (int i = 0; i < (mixed ? inTile.getNumGeometries() : 1); i++) {
          Geometry part = mixed ? inTile.getGeometryN(i) : inTile;
          part.setUserData(tags);
          geometries.add(part);
        }
      }
      encoded.add(new JtsLayer(layer.name(), geometries, EXTENT));
    }
    return MvtEncoder.encode(new JtsMvt(encoded), PARAMS, new UserDataKeyValueMapConverter());
  }

  /**
   * What {@code JtsAdapter.createTileGeom} makes of a geometry it need not clip: tile units (y down),
   * rounded to whole units, and for lines and areas the points that rounding made redundant dropped.
   */
  private static Geometry toTileUnits(Geometry geometry, Envelope bounds) {
    double scaleX = EXTENT / bounds.getWidth();
    double scaleY = EXTENT / bounds.getHeight();
    Geometry inTile = FACTORY.createGeometry(geometry);
    inTile.apply(new CoordinateSequenceFilter() {
      @Override
      public void filter(CoordinateSequence sequence, int i) {
        sequence.setOrdinate(i, 0, Math.round((sequence.getX(i) - bounds.getMinX()) * scaleX));
        sequence.setOrdinate(i, 1, Math.round((bounds.getMaxY() - sequence.getY(i)) * scaleY));
      }

      @Override
      public boolean isDone() {
        return false;
      }

      @Override
      public boolean isGeometryChanged() {
        return true;
      }
    });
    return inTile.getDimension() == 0 ? inTile : TopologyPreservingSimplifier.simplify(inTile, 0.1);
  }

  /** MVT tag values are strings, numbers or booleans; null attributes are left out. */
  private static Map<String, Object> tags(Map<String, Object> attributes) {
    Map<String, Object> tags = new LinkedHashMap<>();
    attributes.forEach((key, value) -> {
      if (value != null) {
        tags.put(key, value instanceof Number || value instanceof Boolean ? value : value.toString());
      }
    });
    return tags;
  }
}
