package nl.veiligheidskaart.service.query;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The properties of a collection that filters may name, with their types: what /queryables lists
 * and what the CQL2 parsers check a filter against. {@link #GEOMETRY} is the feature's geometry.
 */
public record Queryables(Map<String, Type> properties) {

  public static final String GEOMETRY = "geometry";

  public enum Type { STRING, NUMBER, INTEGER, BOOLEAN, DATE, DATE_TIME, GEOMETRY }

  /** Name and type pairs, in the order /queryables lists them; the geometry is always queryable. */
  public static Queryables of(Object... namesAndTypes) {
    Map<String, Type> properties = new LinkedHashMap<>();
    properties.put(GEOMETRY, Type.GEOMETRY);
    for (int i = 0; i < namesAndTypes.length; i += 2) {
      properties.put((String) namesAndTypes[i], (Type) namesAndTypes[i + 1]);
    }
    return new Queryables(properties);
  }

  /** The type of a queryable, or null when the collection has no such queryable. */
  public Type type(String property) {
    return properties.get(property);
  }
}
