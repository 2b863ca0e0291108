package nl.veiligheidskaart.service.store;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores free attributes (the extra columns of an import file) as a JSON object in a text column:
 * portable across H2GIS and PostGIS, and order-preserving so an export repeats the import.
 */
@Converter
public class AttributesConverter implements AttributeConverter<Map<String, String>, String> {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
  };

  @Override
  public String convertToDatabaseColumn(Map<String, String> attributes) {
    return attributes == null || attributes.isEmpty() ? null : JSON.writeValueAsString(attributes);
  }

  @Override
  public Map<String, String> convertToEntityAttribute(String json) {
    return json == null ? new LinkedHashMap<>() : JSON.readValue(json, MAP);
  }
}
