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
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;

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
    List<JtsLayer> encoded = new ArrayList<>();
    for (TileLayer layer : layers) {
      List<Geometry> geometries = new ArrayList<>();
      for (TileFeature feature : layer.features()) {
        if (!feature.geometry().getEnvelopeInternal().intersects(clip)) {
          continue;
        }
        Geometry inTile = JtsAdapter.createTileGeom(feature.geometry(), bounds, clip, FACTORY, PARAMS, g -> true);
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
