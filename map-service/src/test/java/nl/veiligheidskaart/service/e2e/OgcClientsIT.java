package nl.veiligheidskaart.service.e2e;

import static nl.veiligheidskaart.service.config.Zones.NETHERLANDS;
import static nl.veiligheidskaart.service.web.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.geodata.crs.CrsTransform;
import nl.veiligheidskaart.service.SharedGeodata;
import nl.veiligheidskaart.service.web.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import tools.jackson.databind.JsonNode;

/**
 * GIS clients against the packaged jar with its demo data, as users run them: the official OGC API -
 * Features test suite (Part 1 and 2, shared/tools/ogc-ets), GDAL reading the OGC API tiles in both
 * tile matrix sets, and GDAL's ogr2ogr paging through a box and a period. The last test stops the
 * service to count in its store.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OgcClientsIT {

  private static final Pattern ETS_SUMMARY = Pattern.compile(
      "OGC ETS ogcapi-features10: (\\d+) tests, (\\d+) pass, (\\d+) fail, (\\d+) skip");

  @TempDir
  static Path dataDir;

  static ServiceProcess service;

  @BeforeAll
  static void start() throws Exception {
    service = ServiceProcess.startIn(Path.of("").toAbsolutePath().getParent(), dataDir);
  }

  @AfterAll
  static void stop() throws Exception {
    if (service != null) {
      service.close();
    }
  }

  private static String analystCredentials() {
    return "analist:" + ApiClient.initialCredentials(dataDir).get("analist");
  }

  @Test
  @Order(1)
  void theOfficialOgcTestSuitePassesWithoutAFailure() throws Exception {
    Path suite = SharedGeodata.dir().getParent().resolve("tools/ogc-ets/run.sh");
    assertThat(suite).as("the OGC ETS of the shared tools").isRegularFile();
    Process run = new ProcessBuilder("bash", suite.toString(), service.baseUrl().replace("localhost", "127.0.0.1")
        + "/ogc", analystCredentials(), dataDir.resolve("ets").toString()).redirectErrorStream(true).start();
    String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(run.waitFor(15, TimeUnit.MINUTES)).isTrue();
    // the suite's own report, kept in the build log
    System.out.println(output);

    Matcher summary = ETS_SUMMARY.matcher(output);
    assertThat(summary.find()).as(output).isTrue();
    assertThat(Integer.parseInt(summary.group(3))).as(output).isZero();
    assertThat(Integer.parseInt(summary.group(1))).as("tests run").isGreaterThanOrEqualTo(500);
    assertThat(run.exitValue()).as(output).isZero();
  }

  /**
   * GDAL reads the OGC API tiles in both tile matrix sets, as a GIS user opens them, and finds
   * Apeldoorn where it lies: gdal_translate through the OGCAPI driver turns the municipalities' map
   * tiles into a raster in the set's CRS (drawn at Apeldoorn, transparent in Flevoland, which is not
   * served), and the MVT driver, placed by the tile matrix set's origin and cell size, reads the
   * vector tile holding Apeldoorn with Apeldoorn's outline around its centre. GDAL 3.6's OGCAPI driver
   * reads no vector tiles, hence the MVT driver for those; the driver takes the box to read in the
   * set's CRS (MINX..MAXY), as it only knows the CRS84 extent otherwise.
   */
  @Test
  @Order(2)
  void gdalReadsTheTilesInWebMercatorQuadAndNetherlandsRdNewQuad() throws Exception {
    ApiClient analyst = ApiClient.signedIn(service.baseUrl(), dataDir, "analist");
    Coordinate apeldoornRd = new Coordinate(194_215, 469_380);
    Coordinate drontenRd = new Coordinate(165_000, 510_000);
    for (String set : List.of("NetherlandsRDNewQuad", "WebMercatorQuad")) {
      Crs crs = set.equals("WebMercatorQuad") ? Crs.WEB_MERCATOR : Crs.RD_NEW;
      Coordinate apeldoorn = CrsTransform.transform(apeldoornRd, Crs.RD_NEW, crs);
      Coordinate dronten = CrsTransform.transform(drontenRd, Crs.RD_NEW, crs);
      double margin = Math.abs(apeldoorn.x - dronten.x) / 2;

      Path raster = dataDir.resolve("municipalities-" + set + ".tif");
      gdal("gdal_translate", "OGCAPI:" + service.baseUrl() + "/ogc/layers/municipalities?dataType=map",
          "-oo", "API=TILES", "-oo", "CACHE=NO", "-oo", "TILEMATRIXSET=" + set, "-oo", "TILEMATRIX=" + (crs == Crs.RD_NEW ? 7 : 10),
          "-oo", "MINX=" + (Math.min(apeldoorn.x, dronten.x) - margin),
          "-oo", "MINY=" + (Math.min(apeldoorn.y, dronten.y) - margin),
          "-oo", "MAXX=" + (Math.max(apeldoorn.x, dronten.x) + margin),
          "-oo", "MAXY=" + (Math.max(apeldoorn.y, dronten.y) + margin), raster.toString());
      assertThat(gdal("gdalsrsinfo", "-o", "epsg", raster.toString())).contains("EPSG:" + crs.epsg());
      assertThat(alpha(raster, apeldoorn)).as(set + ": Apeldoorn is drawn").isEqualTo("255");
      assertThat(alpha(raster, dronten)).as(set + ": Flevoland is not served").isEqualTo("0");

      JsonNode matrix = json(analyst.get("/ogc/tileMatrixSets/" + set)).get("tileMatrices").get(10);
      double span = matrix.get("cellSize").asDouble() * matrix.get("tileWidth").asInt();
      double originX = matrix.get("pointOfOrigin").get(0).asDouble();
      double originY = matrix.get("pointOfOrigin").get(1).asDouble();
      int column = (int) Math.floor((apeldoorn.x - originX) / span);
      int row = (int) Math.floor((originY - apeldoorn.y) / span);
      String template = null;
      for (JsonNode link : json(analyst.get("/ogc/collections/municipalities/tiles/" + set)).get("links")) {
        if (link.get("rel").asString().equals("item")) {
          template = link.get("href").asString();
        }
      }
      assertThat(template).as(set + ": the tileset's tile template").isNotNull();
      Path tile = dataDir.resolve("apeldoorn-" + set + ".mvt");
      Files.write(tile, analyst.getBytes(template.replace(service.baseUrl(), "").replace("{tileMatrix}", "10")
          .replace("{tileRow}", Integer.toString(row)).replace("{tileCol}", Integer.toString(column))).body());
      Path outline = dataDir.resolve("apeldoorn-" + set + ".geojson");
      gdal("ogr2ogr", "-f", "GeoJSON", outline.toString(), "MVT:" + tile, "-where", "code = 'GM0200'",
          "-oo", "@GEOREF_TOPX=" + (originX + column * span), "-oo", "@GEOREF_TOPY=" + (originY - row * span),
          "-oo", "@GEOREF_TILEDIMX=" + span, "-oo", "@GEOREF_TILEDIMY=" + span);
      JsonNode features = ApiClient.JSON.readTree(Files.readString(outline)).get("features");
      assertThat(features).as(set).hasSize(1);
      Geometry drawn = new GeoJsonReader().read(features.get(0).get("geometry").toString());
      assertThat(drawn.contains(new GeometryFactory().createPoint(apeldoorn))).as(set + ": " + drawn).isTrue();
    }
  }

  /** Runs a GDAL program with the analyst's account (GDAL sends credentials only from GDAL_HTTP_USERPWD). */
  private static String gdal(String... command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("GDAL_HTTP_USERPWD", analystCredentials());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(String.join(" ", command)).isTrue();
    assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
    return output;
  }

  /** The opacity of a raster's pixel at a location in its CRS. */
  private static String alpha(Path raster, Coordinate at) throws Exception {
    return gdal("gdallocationinfo", "-valonly", "-b", "4", "-geoloc", raster.toString(), Double.toString(at.x),
        Double.toString(at.y)).strip();
  }

  /**
   * ogr2ogr with a box in CRS84 and a period, in pages of 500 (GDAL's OAPIF driver, credentials
   * through GDAL_HTTP_USERPWD): it gets every feature the service counts, each once, and the
   * service counts what the store holds in that box and period.
   */
  @Test
  @Order(3)
  void ogr2ogrPagesThroughABoxAndAPeriodAndGetsExactlyWhatTheStoreHolds() throws Exception {
    double[] box = {5.9, 52.1, 6.4, 52.4};
    LocalDate today = LocalDate.now(NETHERLANDS);
    LocalDate first = today.minusMonths(12);
    LocalDate last = today.minusMonths(6);
    String datetime = first + "/" + last;
    Path output = dataDir.resolve("ogr2ogr.geojson");
    ProcessBuilder ogr2ogr = new ProcessBuilder("ogr2ogr", "-f", "GeoJSON", output.toString(),
        "OAPIF:" + service.baseUrl() + "/ogc/collections/incidents?datetime=" + datetime, "-oo", "PAGE_SIZE=500",
        "-spat", String.valueOf(box[0]), String.valueOf(box[1]), String.valueOf(box[2]), String.valueOf(box[3]))
        .redirectErrorStream(true);
    ogr2ogr.environment().put("GDAL_HTTP_USERPWD", analystCredentials());
    Process gdal = ogr2ogr.start();
    String log = new String(gdal.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(gdal.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(gdal.exitValue()).as(log).isZero();

    JsonNode written = ApiClient.JSON.readTree(Files.readString(output));
    Set<String> sourceIds = new HashSet<>();
    written.get("features").forEach(feature -> sourceIds.add(feature.get("properties").get("sourceId").asString()));
    ApiClient analyst = ApiClient.signedIn(service.baseUrl(), dataDir, "analist");
    long numberMatched = json(analyst.get("/ogc/collections/incidents/items?limit=1&datetime="
        + URLEncoder.encode(datetime, StandardCharsets.UTF_8) + "&bbox=" + box[0] + "," + box[1] + "," + box[2] + ","
        + box[3])).get("numberMatched").asLong();
    assertThat(numberMatched).as("several pages of 500").isGreaterThan(1_000);
    assertThat(written.get("features")).hasSize((int) numberMatched);
    assertThat(sourceIds).hasSize((int) numberMatched);

    service.close();
    StoreCount store = countInStore(box, first.atStartOfDay(NETHERLANDS).toInstant(),
        last.plusDays(1).atStartOfDay(NETHERLANDS).toInstant());
    // the box is followed to a centimetre: only an incident within 5 cm of its edge could fall either way
    assertThat(numberMatched).isBetween(store.inside(), store.inside() + store.nearEdge());
  }

  /** Incidents in the store whose longitude and latitude lie in the box, and those within 5 cm of its edge. */
  record StoreCount(long inside, long nearEdge) {
  }

  private static StoreCount countInStore(double[] box, Instant from, Instant to) throws Exception {
    double edge = 5e-7; // degrees, about 5 cm
    long inside = 0;
    long nearEdge = 0;
    try (Connection connection = DriverManager.getConnection("jdbc:h2:file:"
        + dataDir.toAbsolutePath().resolve("veiligheidskaart"), "sa", "");
        PreparedStatement query = connection.prepareStatement(
            "SELECT geometry FROM incident WHERE occurred_at >= ? AND occurred_at < ?")) {
      query.setObject(1, from.atOffset(ZoneOffset.UTC));
      query.setObject(2, to.atOffset(ZoneOffset.UTC));
      ResultSet rows = query.executeQuery();
      while (rows.next()) {
        Point point = (Point) rows.getObject(1);
        Coordinate lonLat = CrsTransform.transform(point.getCoordinate(), Crs.RD_NEW, Crs.WGS84);
        boolean near = List.of(Math.abs(lonLat.x - box[0]), Math.abs(lonLat.x - box[2]), Math.abs(lonLat.y - box[1]),
            Math.abs(lonLat.y - box[3])).stream().anyMatch(distance -> distance < edge);
        if (near) {
          nearEdge++;
        } else if (lonLat.x > box[0] && lonLat.x < box[2] && lonLat.y > box[1] && lonLat.y < box[3]) {
          inside++;
        }
      }
    }
    return new StoreCount(inside, nearEdge);
  }
}
