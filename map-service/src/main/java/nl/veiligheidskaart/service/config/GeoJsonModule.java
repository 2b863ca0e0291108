package nl.veiligheidskaart.service.config;

import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.geodata.io.GeoJsonGeometries;
import org.locationtech.jts.geom.Geometry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/** Writes JTS geometries as GeoJSON geometry objects in every JSON response. */
@Configuration(proxyBeanMethods = false)
public class GeoJsonModule {

  /** 7 decimals of a degree is about 1 cm; projected coordinates are metres, so 2 decimals is 1 cm. */
  private static final int DEGREE_DECIMALS = 7;
  private static final int METRE_DECIMALS = 2;

  @Bean
  JacksonModule geometryModule() {
    return new SimpleModule("geojson-geometry").addSerializer(Geometry.class, new GeometrySerializer());
  }

  static final class GeometrySerializer extends ValueSerializer<Geometry> {

    @Override
    public void serialize(Geometry geometry, JsonGenerator gen, SerializationContext context) {
      int decimals = geometry.getSRID() == Crs.WGS84.epsg() ? DEGREE_DECIMALS : METRE_DECIMALS;
      gen.writeRawValue(GeoJsonGeometries.write(geometry, decimals));
    }
  }
}
