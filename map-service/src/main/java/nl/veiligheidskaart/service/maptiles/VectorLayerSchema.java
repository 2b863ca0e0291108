package nl.veiligheidskaart.service.maptiles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.veiligheidskaart.tiles.mvt.VectorTileEncoder.TileFeature;
import nl.veiligheidskaart.tiles.mvt.VectorTileEncoder.TileLayer;
import org.locationtech.jts.geom.Geometry;

/**
 * An MVT layer declared once: its name, and per attribute its type, what it means and how it is read
 * from a feature of type {@code F}. The tiles' tags and what TileJSON and OGC tileset metadata say
 * of them both come from this declaration, so they cannot drift apart.
 *
 * @param <F> the features the layer is made of (a cell, an incident, a municipality's figures)
 */
public record VectorLayerSchema<F>(String id, String description, List<Field<F>> fields) {

  /** The types TileJSON and OGC's JSON schema of properties know. */
  public enum Type {
    STRING("String"), NUMBER("Number"), BOOLEAN("Boolean");

    private final String label;

    Type(String label) {
      this.label = label;
    }
  }

  /**
   * One attribute of the features.
   *
   * @param meaning what the value means, or empty where the name says it
   * @param value read from a feature; null leaves the tag out
   */
  public record Field<F>(String name, Type type, String meaning, Function<F, Object> value) {

    String described() {
      return meaning.isEmpty() ? type.label : type.label + ": " + meaning;
    }
  }

  public VectorLayerSchema {
    fields = List.copyOf(fields);
  }

  public static <F> Field<F> field(String name, Type type, String meaning, Function<F, Object> value) {
    return new Field<>(name, type, meaning, value);
  }

  /** The layer of one tile: each feature with its geometry (in the tile's CRS) and its tags. */
  public TileLayer tileLayer(Iterable<F> features, Function<F, Geometry> geometry) {
    List<TileFeature> tileFeatures = new ArrayList<>();
    for (F feature : features) {
      Geometry shape = geometry.apply(feature);
      if (shape == null) {
        continue;
      }
      Map<String, Object> tags = new LinkedHashMap<>();
      for (Field<F> field : fields) {
        tags.put(field.name(), field.value().apply(feature));
      }
      tileFeatures.add(new TileFeature(shape, tags));
    }
    return new TileLayer(id, tileFeatures);
  }

  /** The layer as TileJSON describes it, present in the tiles of levels {@code minzoom} to {@code maxzoom}. */
  public VectorLayer describe(int minzoom, int maxzoom) {
    Map<String, String> described = new LinkedHashMap<>();
    fields.forEach(field -> described.put(field.name(), field.described()));
    return new VectorLayer(id, description, described, minzoom, maxzoom);
  }
}
