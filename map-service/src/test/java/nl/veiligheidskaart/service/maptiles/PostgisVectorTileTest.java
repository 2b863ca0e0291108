package nl.veiligheidskaart.service.maptiles;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.geodata.crs.CrsTransform;
import nl.veiligheidskaart.service.OnPostgis;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicies;
import nl.veiligheidskaart.service.intake.ImportMode;
import nl.veiligheidskaart.service.intake.ImportProgress;
import nl.veiligheidskaart.service.intake.Importers;
import nl.veiligheidskaart.tiles.geo.TileCoordinate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Our MVT geometry against PostGIS {@code ST_AsMVTGeom(..., 4096, 64, true)} for the same features:
 * incident points, and the municipalities of a zoom-8 and a zoom-10 tile. Both sides quantise to the 4096 grid; the
 * transformations to Web Mercator (proj4j here, PROJ in PostGIS) differ by well under a millimetre,
 * so the outlines may differ by at most one tile unit where a vertex sits on a rounding boundary.
 */
@OnPostgis
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "veiligheidskaart.demo-data=false")
class PostgisVectorTileTest {



  @Autowired VectorTileService tiles;
  @Autowired MapLayerCatalogue catalogue;
  @Autowired JdbcTemplate jdbc;
  @Autowired Importers importers;
  @Autowired DisclosurePolicies policies;

  /** The PostGIS is shared with other test classes: leave it without this test's incidents. */
  @AfterEach
  void withoutItsIncidents() {
    jdbc.update("DELETE FROM incident WHERE source_id LIKE 'MVT-%'");
  }

  /**
   * 300 incidents around the Deventer town centre; each must sit where {@code ST_AsMVTGeom} puts it
   * in a zoom-14 and a zoom-16 tile (the same 4096 grid, rounded alike: at most one unit apart).
   */
  @Test
  void incidentPointsEqualStAsMvtGeom(@TempDir Path uploads) throws Exception {
    Path csv = uploads.resolve("deventer.csv");
    StringBuilder rows = new StringBuilder("source_id,category,occurred_at,x,y\n");
    Random random = new Random(14);
    for (int i = 0; i < 300; i++) {
      rows.append(String.format(Locale.ROOT, "MVT-%03d,woninginbraak,2024-05-01T12:00,%.2f,%.2f%n", i,
          208_000 + random.nextDouble() * 1_500, 473_500 + random.nextDouble() * 1_500));
    }
    Files.writeString(csv, rows);
    importers.forLayer("incidents").orElseThrow().importFile(csv, "deventer.csv", ImportMode.STRICT,
        ImportProgress.NONE);
    Coordinate centre = CrsTransform.transform(new Coordinate(208_750, 474_250), Crs.RD_NEW, Crs.WEB_MERCATOR);
    for (int z : new int[] {14, 16}) {
      TileCoordinate tile = TileCoordinate.containing(centre.x, centre.y, z);
      Map<String, Geometry> decoded = new HashMap<>();
      for (Geometry point : MvtReader.loadMvt(new ByteArrayInputStream(tiles.tile(catalogue.get(IncidentsLayer.ID),
          tile.matrixTile(), new MapLayerRequest(MapLayerFilter.all(), ChoroplethMeasure.COUNT, policies.analyst()))
          .bytes()), new GeometryFactory(),
          new TagKeyValueMapConverter()).getLayer("incidents").getGeometries()) {
        decoded.put((String) ((Map<?, ?>) point.getUserData()).get("sourceId"), point);
      }
      List<Map<String, Object>> theirs = jdbc.queryForList("""
          SELECT source_id, ST_X(g) AS x, ST_Y(g) AS y FROM (
            SELECT source_id, ST_AsMVTGeom(ST_Transform(geometry, 3857), ST_TileEnvelope(?, ?, ?), 4096, 64, true) AS g
            FROM incident WHERE source_id LIKE 'MVT-%') t
          WHERE g IS NOT NULL""", tile.z(), tile.x(), tile.y());
      assertThat(theirs).as("tile %s", tile).hasSizeGreaterThan(10);
      assertThat(decoded.keySet()).as("tile %s", tile)
          .containsExactlyInAnyOrderElementsOf(theirs.stream().map(r -> (String) r.get("source_id")).toList());
      for (Map<String, Object> row : theirs) {
        Coordinate ours = decoded.get((String) row.get("source_id")).getCoordinate();
        assertThat(Math.abs(ours.x - ((Number) row.get("x")).doubleValue())).isLessThanOrEqualTo(1);
        assertThat(Math.abs(ours.y - ((Number) row.get("y")).doubleValue())).isLessThanOrEqualTo(1);
      }
    }
  }

  @Test
  void municipalityGeometryEqualsStAsMvtGeom() throws Exception {
    for (TileCoordinate tile : List.of(new TileCoordinate(8, 132, 84), new TileCoordinate(10, 528, 337))) {
      byte[] ours = tiles.tile(catalogue.get(MunicipalitiesLayer.ID), tile.matrixTile(),
          new MapLayerRequest(MapLayerFilter.all(), ChoroplethMeasure.COUNT, policies.analyst())).bytes();
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
