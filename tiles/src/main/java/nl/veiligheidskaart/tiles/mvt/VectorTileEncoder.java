package nl.veiligheidskaart.tiles.mvt;

import io.github.sebasbaumh.mapbox.vectortile.VectorTile;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.JtsAdapter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.UserDataKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.build.MvtLayerParams;
import io.github.sebasbaumh.mapbox.vectortile.build.MvtLayerProps;
import io.github.sebasbaumh.mapbox.vectortile.util.GeomCmd;
import io.github.sebasbaumh.mapbox.vectortile.util.MvtUtil;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateArrays;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Mapbox Vector Tiles (MVT 2.1) of projected features (Web Mercator or RD New, the CRS of the tile's
 * bounds): extent 4096, clipped 64 units beyond
 * the tile edge so that lines and fills join seamlessly, as PostGIS {@code ST_AsMVTGeom(..., 4096,
 * 64, true)} does. Attributes become feature tags; null values are left out.
 */
public final class VectorTileEncoder {

  public static final int EXTENT = 4096;
  public static final int BUFFER = 64;
  private static final MvtLayerParams PARAMS = new MvtLayerParams(EXTENT);
  private static final GeometryFactory FACTORY = new GeometryFactory();
  private static final UserDataKeyValueMapConverter TAGS = new UserDataKeyValueMapConverter();

  /** One feature: geometry in the tile's CRS, attributes as tags. */
  public record TileFeature(Geometry geometry, Map<String, Object> attributes) {
  }

  /** A named layer of features. */
  public record TileLayer(String name, List<TileFeature> features) {
  }

  private VectorTileEncoder() {
  }

  /** @param bounds the tile's extent, in the CRS of the features */
  public static byte[] encode(Envelope bounds, List<TileLayer> layers) {
    TileUnits units = new TileUnits(bounds);
    Envelope clip = new Envelope(bounds);
    clip.expandBy(bounds.getWidth() * BUFFER / EXTENT);
    // What may still round into the buffer: half a tile unit more.
    Envelope reach = new Envelope(clip);
    reach.expandBy(bounds.getWidth() * 0.5 / EXTENT);
    VectorTile.Tile.Builder encoded = VectorTile.Tile.newBuilder();
    for (TileLayer layer : layers) {
      VectorTile.Tile.Layer.Builder builder = MvtUtil.newLayerBuilder(layer.name(), PARAMS);
      MvtLayerProps props = new MvtLayerProps();
      List<Geometry> geometries = new ArrayList<>();
      for (TileFeature feature : layer.features()) {
        Envelope envelope = feature.geometry().getEnvelopeInternal();
        if (!envelope.intersects(reach)) {
          continue;
        }
        if (feature.geometry() instanceof Point point) {
          addPoint(builder, props, units.of(point.getCoordinate()), feature.attributes());
          continue;
        }
        // Clipping is a polygon overlay; an area within the clip area needs none (incident cells, most hotspot cells).
        Geometry inTile = clip.contains(envelope) ? units.of(feature.geometry())
            : JtsAdapter.createTileGeom(feature.geometry(), bounds, clip, FACTORY, PARAMS, g -> true);
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
      JtsAdapter.addFeatures(builder, geometries, props, TAGS);
      MvtUtil.writeProps(builder, props);
      encoded.addLayers(builder.build());
    }
    return encoded.build().toByteArray();
  }

  /**
   * A point feature written straight into the layer: raw-point tiles hold thousands, and the
   * general path (a JTS geometry per point, tags through user data) costs twice as much. As PostGIS
   * {@code ST_AsMVTGeom} does, the point is rounded to tile units first and kept if it then lies
   * within the buffer.
   */
  private static void addPoint(VectorTile.Tile.Layer.Builder layer, MvtLayerProps props, Coordinate at,
      Map<String, Object> attributes) {
    if (at.x < -BUFFER || at.x > EXTENT + BUFFER || at.y < -BUFFER || at.y > EXTENT + BUFFER) {
      return;
    }
    VectorTile.Tile.Feature.Builder feature = VectorTile.Tile.Feature.newBuilder()
        .setType(VectorTile.Tile.GeomType.POINT)
        .addGeometry(MvtUtil.geomCmdHdr(GeomCmd.MOVE_TO, 1))
        .addGeometry(MvtUtil.encodeZigZag((int) at.x))
        .addGeometry(MvtUtil.encodeZigZag((int) at.y));
    tags(attributes).forEach((key, value) -> {
      feature.addTags(props.addKey(key));
      feature.addTags(props.addValue(value));
    });
    layer.addFeatures(feature);
  }

  /**
   * World coordinates to whole tile units (y down), as {@code JtsAdapter.createTileGeom} makes them
   * of what it need not clip, without the points rounding made repeat; collapsed parts left out.
   */
  private record TileUnits(Envelope bounds, double scaleX, double scaleY) {

    TileUnits(Envelope bounds) {
      this(bounds, EXTENT / bounds.getWidth(), EXTENT / bounds.getHeight());
    }

    Geometry of(Geometry geometry) {
      List<Geometry> parts = new ArrayList<>(geometry.getNumGeometries());
      for (int i = 0; i < geometry.getNumGeometries(); i++) {
        Geometry part = geometry.getGeometryN(i);
        Geometry inTile = part instanceof Polygon polygon ? of(polygon)
            : part instanceof LineString line ? of(line) : FACTORY.createPoint(of(part.getCoordinate()));
        if (inTile != null) {
          parts.add(inTile);
        }
      }
      return parts.size() == 1 ? parts.get(0) : FACTORY.buildGeometry(parts);
    }

    Coordinate of(Coordinate world) {
      return new Coordinate(Math.round((world.x - bounds.getMinX()) * scaleX),
          Math.round((bounds.getMaxY() - world.y) * scaleY));
    }

    Coordinate[] of(Coordinate[] world) {
      Coordinate[] units = new Coordinate[world.length];
      for (int i = 0; i < world.length; i++) {
        units[i] = of(world[i]);
      }
      return CoordinateArrays.removeRepeatedPoints(units);
    }

    LineString of(LineString line) {
      Coordinate[] units = of(line.getCoordinates());
      return units.length < 2 ? null : FACTORY.createLineString(units);
    }

    /** Null when the shell collapses; collapsed holes are dropped. */
    Polygon of(Polygon polygon) {
      Coordinate[] shell = of(polygon.getExteriorRing().getCoordinates());
      if (shell.length < 4) {
        return null;
      }
      List<LinearRing> holes = new ArrayList<>();
      for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
        Coordinate[] hole = of(polygon.getInteriorRingN(i).getCoordinates());
        if (hole.length >= 4) {
          holes.add(FACTORY.createLinearRing(hole));
        }
      }
      return FACTORY.createPolygon(FACTORY.createLinearRing(shell), holes.toArray(LinearRing[]::new));
    }
  }

  /** MVT tag values are strings, numbers or booleans; null attributes are left out. */
  private static Map<String, Object> tags(Map<String, Object> attributes) {
    // Most features' attributes are tags already (raw-point tiles have thousands): then no copy.
    boolean clean = true;
    for (Object value : attributes.values()) {
      clean &= value instanceof String || value instanceof Number || value instanceof Boolean;
    }
    if (clean) {
      return attributes;
    }
    Map<String, Object> tags = new LinkedHashMap<>();
    attributes.forEach((key, value) -> {
      if (value != null) {
        tags.put(key, value instanceof Number || value instanceof Boolean ? value : value.toString());
      }
    });
    return tags;
  }
}
