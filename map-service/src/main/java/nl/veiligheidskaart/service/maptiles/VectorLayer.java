package nl.veiligheidskaart.service.maptiles;

import java.util.Map;

/**
 * An MVT layer as TileJSON 3.0.0's {@code vector_layers} and OGC tileset metadata describe it.
 *
 * @param fields attribute name to a description of its values that begins with its type
 *     ("Number: incidents in the cell"), as TileJSON wants strings
 * @param minzoom the first level whose tiles hold this layer
 * @param maxzoom the last level whose tiles hold this layer
 */
public record VectorLayer(String id, String description, Map<String, String> fields, int minzoom, int maxzoom) {
}
