package nl.veiligheidskaart.tiles.mvt;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import nl.veiligheidskaart.tiles.geo.TileCoordinate;
import nl.veiligheidskaart.tiles.mvt.VectorTileEncoder.TileFeature;
import nl.veiligheidskaart.tiles.mvt.VectorTileEncoder.TileLayer;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTReader;

/** Encode, decode with the library's reader, and compare tile coordinates worked out by hand. */
class VectorTileEncoderTest {

  static JtsMvt decode(byte[] tile) throws Exception {
    return MvtReader.loadMvt(new ByteArrayInputStream(tile), new GeometryFactory(), new TagKeyValueMapConverter(),
        MvtReader.RING_CLASSIFIER_V2_1);
  }

  @Test
  void aPointLandsAtItsTileCoordinatesWithItsTags() throws Exception {
    TileCoordinate tile = new TileCoordinate(1, 1, 0); // the north-east quarter of the world
    Envelope b = tile.bounds();
    // a quarter of the way in from the west edge and a quarter down from the north edge
    Geometry point = new GeometryFactory().createPoint(new org.locationtech.jts.geom.Coordinate(
        b.getMinX() + b.getWidth() / 4, b.getMaxY() - b.getHeight() / 4));

    byte[] encoded = VectorTileEncoder.encode(tile.bounds(), List.of(new TileLayer("incidents",
        List.of(new TileFeature(point, Map.of("category", "woninginbraak", "count", 3))))));

    JtsLayer layer = decode(encoded).getLayer("incidents");
    assertThat(layer.getExtent()).isEqualTo(4096);
    Geometry decoded = layer.getGeometries().iterator().next();
    assertThat(decoded.getCoordinate().x).isEqualTo(1024);
    assertThat(decoded.getCoordinate().y).isEqualTo(1024); // y runs down in MVT
    @SuppressWarnings("unchecked")
    Map<String, Object> tags = (Map<String, Object>) decoded.getUserData();
    assertThat(tags).containsEntry("category", "woninginbraak");
    assertThat(((Number) tags.get("count")).intValue()).isEqualTo(3);
  }

  @Test
  void polygonsAreClippedToTheBufferAndFeaturesOutsideLeftOut() throws Exception {
    TileCoordinate tile = new TileCoordinate(2, 2, 1);
    Envelope b = tile.bounds();
    WKTReader wkt = new WKTReader();
    // a square covering the whole tile and far beyond: clipped to the tile plus 64 units each side
    Geometry huge = wkt.read("POLYGON ((" + (b.getMinX() - b.getWidth()) + " " + (b.getMinY() - b.getHeight()) + ", "
        + (b.getMaxX() + b.getWidth()) + " " + (b.getMinY() - b.getHeight()) + ", " + (b.getMaxX() + b.getWidth()) + " "
        + (b.getMaxY() + b.getHeight()) + ", " + (b.getMinX() - b.getWidth()) + " " + (b.getMaxY() + b.getHeight())
        + ", " + (b.getMinX() - b.getWidth()) + " " + (b.getMinY() - b.getHeight()) + "))");
    Geometry faraway = wkt.read("POINT (" + (b.getMaxX() + 10 * b.getWidth()) + " " + b.getMinY() + ")");

    byte[] encoded = VectorTileEncoder.encode(tile.bounds(), List.of(new TileLayer("municipalities",
        List.of(new TileFeature(huge, Map.of("code", "GM0200")), new TileFeature(faraway, Map.of())))));

    List<Geometry> geometries = List.copyOf(decode(encoded).getLayer("municipalities").getGeometries());
    assertThat(geometries).hasSize(1);
    Envelope clipped = geometries.get(0).getEnvelopeInternal();
    assertThat(clipped).isEqualTo(new Envelope(-64, 4096 + 64, -64, 4096 + 64));
  }

  /** A cell within the tile skips clipping; it must come out as the clipped path would make it. */
  @Test
  void anAreaWithinTheTileIsEncodedWithoutClippingAsAPolygon() throws Exception {
    TileCoordinate tile = new TileCoordinate(2, 2, 1);
    Envelope b = tile.bounds();
    double cell = b.getWidth() / 16;
    Geometry square = new GeometryFactory().toGeometry(new Envelope(b.getMinX() + cell, b.getMinX() + 2 * cell,
        b.getMaxY() - 2 * cell, b.getMaxY() - cell));

    byte[] encoded = VectorTileEncoder.encode(tile.bounds(), List.of(new TileLayer("incident-cells",
        List.of(new TileFeature(square, Map.of("count", 12))))));

    Geometry decoded = decode(encoded).getLayer("incident-cells").getGeometries().iterator().next();
    assertThat(decoded.getGeometryType()).isEqualTo("Polygon");
    assertThat(decoded.getEnvelopeInternal()).isEqualTo(new Envelope(256, 512, 256, 512));
    assertThat(decoded.getArea()).isEqualTo(256 * 256);
  }

  /** As PostGIS ST_AsMVTGeom: a point is rounded to tile units first and kept if it then lies in the buffer. */
  @Test
  void pointsAreRoundedBeforeTheBufferDecidesWhetherTheyAreKept() throws Exception {
    TileCoordinate tile = new TileCoordinate(3, 4, 2);
    Envelope b = tile.bounds();
    double unit = b.getWidth() / 4096;
    GeometryFactory factory = new GeometryFactory();
    Geometry justIn = factory.createPoint(new org.locationtech.jts.geom.Coordinate(b.getMinX() - 64.4 * unit,
        b.getMaxY() - 100 * unit));
    Geometry justOut = factory.createPoint(new org.locationtech.jts.geom.Coordinate(b.getMinX() - 64.6 * unit,
        b.getMaxY() - 100 * unit));

    byte[] encoded = VectorTileEncoder.encode(tile.bounds(), List.of(new TileLayer("incidents",
        List.of(new TileFeature(justIn, Map.of("sourceId", "in")), new TileFeature(justOut, Map.of("sourceId", "out"))))));

    List<Geometry> kept = List.copyOf(decode(encoded).getLayer("incidents").getGeometries());
    assertThat(kept).hasSize(1);
    assertThat(kept.get(0).getCoordinate().x).isEqualTo(-64);
    assertThat(((Map<?, ?>) kept.get(0).getUserData()).get("sourceId")).isEqualTo("in");
  }
}
