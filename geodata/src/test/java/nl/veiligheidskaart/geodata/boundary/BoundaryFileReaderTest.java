package nl.veiligheidskaart.geodata.boundary;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.summingDouble;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.sf.GeometryType;
import nl.veiligheidskaart.geodata.SharedGeodata;
import nl.veiligheidskaart.geodata.reference.ReferenceGeography;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.WKTReader;

class BoundaryFileReaderTest {

  private static final int DEFAULT_VINTAGE = 2030;

  private final ReferenceGeography reference = ReferenceGeography.oostNederland();
  private final BoundaryFileReader reader = new BoundaryFileReader();

  @TempDir
  Path tempDir;

  /** Expected areas: shared/geodata/README.md (province totals of the dissolved municipalities). */
  @Test
  void readsTheSharedOostNederlandBoundaries() {
    BoundarySet set = reader.read(SharedGeodata.file("gemeenten-oost-nederland-2019.geojson"),
        reference, DEFAULT_VINTAGE);

    assertThat(set.boundaries()).hasSize(76);
    assertThat(set.validFromYear()).isEqualTo(2019);
    assertThat(set.missingCodes()).isEmpty();
    assertThat(set.boundaries()).extracting(MunicipalityBoundary::code).isSorted();
    assertThat(set.boundaries()).allSatisfy(boundary -> {
      assertThat(boundary.geometry().isValid()).isTrue();
      assertThat(boundary.geometry().getSRID()).isEqualTo(28992);
      assertThat(boundary.validFromYear()).isEqualTo(2019);
    });
    Map<String, Double> squareKilometresByProvince = set.boundaries().stream().collect(groupingBy(
        boundary -> reference.municipality(boundary.code()).orElseThrow().province(),
        summingDouble(boundary -> boundary.geometry().getArea() / 1e6)));
    assertThat(squareKilometresByProvince.get("Gelderland")).isCloseTo(5128, withPercentage(0.5));
    assertThat(squareKilometresByProvince.get("Overijssel")).isCloseTo(3409, withPercentage(0.5));
  }

  /**
   * CRS84 without a crs member: transformed to RD New; Amsterdam (GM0363) is not in Oost-Nederland
   * and skipped. Expected square centres: PROJ cs2cs of (5.95, 52.21) and (6.66, 52.36) with the
   * proj4j-epsg definition of EPSG:28992.
   */
  @Test
  void readsCrs84GeoJsonSkipsOtherMunicipalitiesAndTakesTheYearFromTheFileName() throws Exception {
    BoundarySet set = reader.read(fixture("gemeenten-crs84-2022.geojson"), reference, DEFAULT_VINTAGE);

    assertThat(set.boundaries()).extracting(MunicipalityBoundary::code)
        .containsExactly("GM0141", "GM0200");
    assertThat(set.validFromYear()).isEqualTo(2022);
    assertThat(set.missingCodes()).hasSize(74).doesNotContain("GM0141", "GM0200");
    assertCentre(set.boundaries().get(0).geometry(), 241699.546, 486551.369);
    assertCentre(set.boundaries().get(1).geometry(), 193466.903, 469249.512);
    assertThat(set.boundaries().get(1).geometry().getSRID()).isEqualTo(28992);
  }

  /**
   * An RD file without crs member, a numeric code under a differently cased property name, a
   * year property, and a self-intersecting ring: repaired into its two triangles of 1 km² each.
   */
  @Test
  void repairsABowTieInAnRdFileWithoutCrsMember() throws Exception {
    BoundarySet set = reader.read(fixture("gemeente-bowtie.geojson"), reference, DEFAULT_VINTAGE);

    MunicipalityBoundary enschede = set.boundaries().get(0);
    assertThat(enschede.code()).isEqualTo("GM0153");
    assertThat(enschede.validFromYear()).isEqualTo(2021);
    assertThat(set.validFromYear()).isEqualTo(2021);
    assertThat(enschede.geometry().isValid()).isTrue();
    assertThat(enschede.geometry()).isInstanceOf(MultiPolygon.class);
    assertThat(enschede.geometry().getNumGeometries()).isEqualTo(2);
    assertThat(enschede.geometry().getArea()).isCloseTo(2_000_000, within(1e-6));
  }

  @Test
  void fallsBackToTheDefaultVintage() throws IOException {
    Path file = write("gemeenten.geojson", collection(feature("{\"code\": \"GM0200\"}", SQUARE)));

    assertThat(reader.read(file, reference, DEFAULT_VINTAGE).validFromYear()).isEqualTo(DEFAULT_VINTAGE);
  }

  @Test
  void mergesSeveralFeaturesOfOneMunicipality() throws IOException {
    String eastOfSquare = "{\"type\": \"Polygon\", \"coordinates\": "
        + "[[[191000, 470000], [192000, 470000], [192000, 471000], [191000, 471000], [191000, 470000]]]}";
    Path file = write("gemeenten.geojson", collection(
        feature("{\"code\": \"GM0200\"}", SQUARE), feature("{\"code\": \"GM0200\"}", eastOfSquare)));

    List<MunicipalityBoundary> boundaries = reader.read(file, reference, DEFAULT_VINTAGE).boundaries();

    assertThat(boundaries).hasSize(1);
    assertThat(boundaries.get(0).geometry().getArea()).isCloseTo(2_000_000, within(1e-6));
  }

  /**
   * A file name and content ({@code SQUARE} stands for a 1 km square in RD metres), and the part
   * of the error message that tells the user what is wrong.
   */
  @ParameterizedTest(name = "{0}: {2}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      gemeenten.geojson | {not json | is not valid JSON
      gemeenten.geojson | {"type": "Feature"} | is not a GeoJSON FeatureCollection
      gemeenten.geojson | {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"naam": "Almelo"}, "geometry": SQUARE}]}                         | has no municipality code property; looked for code, statcode, gemeentecode, gm_code (any case) and found [naam]
      gemeenten.geojson | {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"statcode": "GM0363"}, "geometry": SQUARE}]}                         | contains none of the 76 municipalities of the reference geography (found codes such as [GM0363])
      gemeenten.geojson | {"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "EPSG:4258"}}, "features": [{"type": "Feature", "properties": {"statcode": "GM0200"}, "geometry": SQUARE}]}                         | declares a coordinate reference system this reader cannot transform. Unsupported coordinate reference system 'EPSG:4258'
      gemeenten.geojson | {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"statcode": "GM0200", "jaar": "1 januari 2019"}, "geometry": SQUARE}]}                         | the year property of GM0200 is '1 januari 2019'; expected a year from 1990 to 2100
      gemeenten.geojson | {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"statcode": "GM0200"}, "geometry": {"type": "Point", "coordinates": [190000, 470000]}}]}                         | the boundary of GM0200 (Apeldoorn) is a Point; a municipality boundary must be a Polygon or MultiPolygon
      gemeenten.shp     | `` | has an unsupported file type; use GeoJSON (.geojson, .json) or GeoPackage (.gpkg)
      gemeenten.gpkg    | not a database | is not a readable GeoPackage
      """)
  void explainsWhatIsWrongWithAFile(String name, String content, String expectedProblem)
      throws IOException {
    Path file = write(name, content.replace("SQUARE", SQUARE));

    assertThatThrownBy(() -> reader.read(file, reference, DEFAULT_VINTAGE))
        .isInstanceOf(BoundaryFileException.class)
        .hasMessageStartingWith("Boundary file " + file.toAbsolutePath() + ": ")
        .hasMessageContaining(expectedProblem)
        .extracting(e -> ((BoundaryFileException) e).file()).isEqualTo(file);
  }

  @Test
  void explainsWhereToGetAMissingFile() {
    Path file = tempDir.resolve("cbs_gemeente_2019_gegeneraliseerd.gpkg");

    assertThatThrownBy(() -> reader.read(file, reference, DEFAULT_VINTAGE))
        .isInstanceOf(BoundaryFileException.class)
        .hasMessageContaining("does not exist or is not a file")
        .hasMessageContaining("PDOK");
  }

  /**
   * A GeoPackage as PDOK serves it: EPSG:28992, code in {@code statcode}. A first table that is
   * not about municipalities must be passed over for the one whose name contains "gemeente".
   */
  @Test
  void readsTheGemeenteTableOfAGeoPackage() throws Exception {
    Path file = tempDir.resolve("cbs_gemeente_2020_gegeneraliseerd.gpkg");
    Geometry apeldoorn = wkt("POLYGON ((190000 470000, 191000 470000, 191000 471000, 190000 471000, 190000 470000))");
    Geometry almelo = wkt("MULTIPOLYGON (((240000 486000, 242000 486000, 242000 487000, 240000 486000)))");
    GeoPackageManager.create(file.toFile());
    try (GeoPackage geoPackage = GeoPackageManager.open(file.toFile())) {
      SpatialReferenceSystem rdNew = createRdNew(geoPackage);
      createTable(geoPackage, rdNew, "provincies", Map.of("GM0150", apeldoorn));
      createTable(geoPackage, rdNew, "gemeenten", Map.of("GM0200", apeldoorn, "GM0141", almelo));
    }

    BoundarySet set = reader.read(file, reference, DEFAULT_VINTAGE);

    assertThat(set.boundaries()).extracting(MunicipalityBoundary::code).containsExactly("GM0141", "GM0200");
    assertThat(set.boundaries().get(0).geometry().equalsExact(almelo)).isTrue();
    assertThat(set.boundaries().get(1).geometry().equalsExact(apeldoorn)).isTrue();
    assertThat(set.boundaries().get(1).geometry().getSRID()).isEqualTo(28992);
    assertThat(set.validFromYear()).isEqualTo(2020);
  }

  /** A 1 km square in Apeldoorn, RD metres. */
  private static final String SQUARE = "{\"type\": \"Polygon\", \"coordinates\": "
      + "[[[190000, 470000], [191000, 470000], [191000, 471000], [190000, 471000], [190000, 470000]]]}";

  private static String feature(String properties, String geometry) {
    return "{\"type\": \"Feature\", \"properties\": " + properties + ", \"geometry\": " + geometry + "}";
  }

  private static String collection(String... features) {
    return "{\"type\": \"FeatureCollection\", \"features\": [" + String.join(", ", features) + "]}";
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(tempDir.resolve(name), content);
  }

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(BoundaryFileReaderTest.class.getResource(name).toURI());
  }

  private static Geometry wkt(String wkt) throws ParseException {
    return new WKTReader().read(wkt);
  }

  private static void assertCentre(Geometry geometry, double x, double y) {
    assertThat(geometry.getCentroid().getX()).isCloseTo(x, within(1.0));
    assertThat(geometry.getCentroid().getY()).isCloseTo(y, within(1.0));
  }

  /** The library cannot create EPSG:28992 by itself; definition from PROJ (projinfo -o WKT1_GDAL). */
  private static SpatialReferenceSystem createRdNew(GeoPackage geoPackage) throws Exception {
    SpatialReferenceSystem srs = new SpatialReferenceSystem();
    srs.setSrsName("Amersfoort / RD New");
    srs.setSrsId(28992);
    srs.setOrganization("EPSG");
    srs.setOrganizationCoordsysId(28992);
    srs.setDefinition(Files.readString(fixture("epsg-28992.wkt")).strip());
    geoPackage.getSpatialReferenceSystemDao().create(srs);
    return srs;
  }

  private static void createTable(GeoPackage geoPackage, SpatialReferenceSystem srs, String table,
      Map<String, Geometry> geometriesByCode) throws Exception {
    GeometryColumns geometryColumns = new GeometryColumns();
    geometryColumns.setTableName(table);
    geometryColumns.setColumnName("geom");
    geometryColumns.setGeometryType(GeometryType.MULTIPOLYGON);
    geometryColumns.setZ((byte) 0);
    geometryColumns.setM((byte) 0);
    geometryColumns.setSrs(srs);
    geoPackage.createFeatureTable(FeatureTableMetadata.create(geometryColumns,
        List.of(FeatureColumn.createColumn("statcode", GeoPackageDataType.TEXT)),
        new BoundingBox(0, 289000, 300000, 629000)));
    FeatureDao dao = geoPackage.getFeatureDao(table);
    for (Map.Entry<String, Geometry> entry : geometriesByCode.entrySet()) {
      FeatureRow row = dao.newRow();
      row.setValue("statcode", entry.getKey());
      row.setGeometry(GeoPackageGeometryData.createFromWkbAndBuildEnvelope(srs.getSrsId(),
          new WKBWriter().write(entry.getValue())));
      dao.create(row);
    }
  }
}
