package nl.veiligheidskaart.service.maptiles;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.veiligheidskaart.service.TestStores;
import nl.veiligheidskaart.service.security.Role;
import nl.veiligheidskaart.tiles.geo.TileCoordinate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Our MVT geometry against PostGIS {@code ST_AsMVTGeom(..., 4096, 64, true)} for the same features:
 * the municipalities of a zoom-8 and a zoom-10 tile. Both sides quantise to the 4096 grid; the
 * transformations to Web Mercator (proj4j here, PROJ in PostGIS) differ by well under a millimetre,
 * so the outlines may differ by at most one tile unit where a vertex sits on a rounding boundary.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "veiligheidskaart.demo-data=false")
class PostgisVectorTileTest {

  @TempDir
  static Path dataDir;

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    TestStores.postgis(registry, dataDir);
  }

  @Autowired VectorTileService tiles;
  @Autowired JdbcTemplate jdbc;

  @Test
  void municipalityGeometryEqualsStAsMvtGeom() throws Exception {
    for (TileCoordinate tile : List.of(new TileCoordinate(8, 132, 84), new TileCoordinate(10, 528, 337))) {
      byte[] ours = tiles.tile("municipalities", tile, new VectorTileService.Filter(List.of(), null, null),
          Role.ANALYST);
      Map<String, Geometry> decoded = new HashMap<>();
      for (Geometry geometry : MvtReader.loadMvt(new ByteArrayInputStream(ours), new GeometryFactory(),
          new TagKeyValueMapConverter(), MvtReader.RING_CLASSIFIER_V2_1).getLayer("municipalities").getGeometries()) {
        decoded.put((String) ((Map<?, ?>) geometry.getUserData()).get("code"), geometry);
      }
      List<Map<String, Object>> theirs = jdbc.queryForList("""
          SELECT b.municipality_code AS code, ST_AsText(ST_AsMVTGeom(ST_Transform(b.geometry, 3857),
                 ST_TileEnvelope(?, ?, ?), 4096, 64, true)) AS wkt
          FROM municipality_boundary b
          WHERE b.valid_from_year = (SELECT max(valid_from_year) FROM municipality_boundary)
            AND ST_Intersects(ST_Transform(b.geometry, 3857), ST_Expand(ST_TileEnvelope(?, ?, ?), ?))""",
          tile.z(), tile.x(), tile.y(), tile.z(), tile.x(), tile.y(), tile.bounds().getWidth() * 64 / 4096);
      assertThat(theirs).as("tile %s", tile).isNotEmpty();
      WKTReader wkt = new WKTReader();
      for (Map<String, Object> row : theirs) {
        if (row.get("wkt") == null) {
          continue;
        }
        String code = (String) row.get("code");
        Geometry postgis = wkt.read((String) row.get("wkt"));
        assertThat(decoded).as("tile %s", tile).containsKey(code);
        double difference = DiscreteHausdorffDistance.distance(decoded.get(code), postgis);
        assertThat(difference).as("%s in tile %s", code, tile).isLessThanOrEqualTo(1.5);
        // moving an outline by at most one unit changes its area by at most its length times one
        assertThat(Math.abs(decoded.get(code).getArea() - postgis.getArea())).as("%s in tile %s", code, tile)
            .isLessThanOrEqualTo(postgis.getLength());
      }
    }
  }
}
