package nl.veiligheidskaart.geodata.io;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.veiligheidskaart.geodata.crs.Crs;
import org.json.simple.JSONValue;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/** Reads a GeoJSON FeatureCollection, including the legacy (pre RFC 7946) {@code crs} member. */
public final class GeoJsonFeatureReader {

  /** GeoJSON nests a MultiPolygon's coordinates 8 deep in a FeatureCollection; properties a little more. */
  public static final int MAX_NESTING = 64;
  /** Digits and signs of one number; a coordinate needs about 20. */
  public static final int MAX_NUMBER_LENGTH = 100;

  /**
   * Bounded so that a hostile file is refused as invalid JSON: deeper nesting would overflow the
   * stack of the recursive geometry reader, and a number of 100 000 digits costs seconds to parse.
   */
  private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING)
          .maxNumberLength(MAX_NUMBER_LENGTH).build())
      .build()).build();

  private GeoJsonFeatureReader() {
  }

  public static FeatureLayer read(Path file) {
    Object root;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      root = JSON.readValue(reader, Object.class);
    } catch (IOException e) {
      throw new FeatureFileException(file, "cannot be read: " + e.getMessage(), e);
    } catch (JacksonException e) {
      String at = e.getLocation() == null ? ""
          : ", line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw new FeatureFileException(file, "is not valid JSON (" + e.getOriginalMessage() + at + ")", e);
    }
    if (!(root instanceof Map<?, ?> collection)
        || !"FeatureCollection".equals(collection.get("type"))
        || !(collection.get("features") instanceof List<?> features)) {
      throw new FeatureFileException(file,
          "is not a GeoJSON FeatureCollection (expected {\"type\": \"FeatureCollection\", \"features\": [...]})");
    }
    GeoJsonReader geometryReader = new GeoJsonReader();
    List<FeatureLayer.Feature> result = new ArrayList<>();
    for (Object element : features) {
      if (!(element instanceof Map<?, ?> feature)) {
        continue;
      }
      Map<String, Object> properties = new HashMap<>();
      if (feature.get("properties") instanceof Map<?, ?> values) {
        values.forEach((name, value) -> properties.put(String.valueOf(name), value));
      }
      try {
        Object geometry = feature.get("geometry");
        result.add(new FeatureLayer.Feature(properties,
            geometry == null ? null : geometryReader.read(JSONValue.toJSONString(geometry))));
      } catch (org.locationtech.jts.io.ParseException | RuntimeException e) {
        throw new FeatureFileException(file, "feature " + properties
            + " has an unreadable geometry: " + e.getMessage(), e);
      }
    }
    return new FeatureLayer(result, declaredCrs(file, collection.get("crs")));
  }

  /** The legacy {@code crs} member: {@code {"type": "name", "properties": {"name": "..."}}}. */
  private static Optional<Crs> declaredCrs(Path file, Object crsMember) {
    if (crsMember == null) {
      return Optional.empty();
    }
    if (crsMember instanceof Map<?, ?> crs && crs.get("properties") instanceof Map<?, ?> properties
        && properties.get("name") instanceof String name) {
      try {
        return Optional.of(Crs.parse(name));
      } catch (IllegalArgumentException e) {
        throw new FeatureFileException(file, "declares a coordinate reference system this"
            + " reader cannot transform. " + e.getMessage()
            + " Reproject the file to EPSG:28992 or CRS84 (e.g. ogr2ogr -t_srs EPSG:28992).", e);
      }
    }
    throw new FeatureFileException(file, "has a crs member " + JSONValue.toJSONString(crsMember)
        + " without properties.name; name the CRS like \"urn:ogc:def:crs:EPSG::28992\" or remove"
        + " the member if the coordinates are CRS84");
  }
}
