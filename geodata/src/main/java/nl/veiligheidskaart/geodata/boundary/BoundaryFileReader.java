package nl.veiligheidskaart.geodata.boundary;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.geodata.crs.CrsTransform;
import nl.veiligheidskaart.geodata.io.FeatureFileException;
import nl.veiligheidskaart.geodata.io.FeatureFiles;
import nl.veiligheidskaart.geodata.io.FeatureLayer;
import nl.veiligheidskaart.geodata.reference.Municipality;
import nl.veiligheidskaart.geodata.reference.ReferenceGeography;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads official municipal boundary files (CBS/PDOK "Gebiedsindelingen", cartomap, own exports)
 * into boundaries in RD New for the municipalities of a reference geography.
 *
 * <ul>
 *   <li>Formats: GeoJSON ({@code .geojson}, {@code .json}) and GeoPackage ({@code .gpkg}; the
 *       first feature table whose name contains {@code gemeente}, else the first one).
 *   <li>Code: the first present of the properties {@code code}, {@code statcode},
 *       {@code gemeentecode}, {@code gm_code} (any case), in any form
 *       {@link ReferenceGeography#normaliseMunicipalityCode} accepts. Features of other
 *       municipalities are skipped, so a national file of 355 municipalities can be used as is.
 *       Several features with one code are merged.
 *   <li>CRS: a GeoJSON {@code crs} member or the GeoPackage table's spatial reference system.
 *       GeoJSON without {@code crs} is CRS84 (RFC 7946), unless all coordinates lie within RD
 *       metres of the Netherlands (x 0..300 000, y 289 000..629 000), as in files that export
 *       tools wrote without the member.
 *   <li>Vintage: a {@code jaar} or {@code year} property, else the year in the file name
 *       ({@link BoundaryFiles#yearInName}), else the default the caller gives.
 *   <li>Invalid polygons are repaired with JTS {@link GeometryFixer}, with a warning naming the
 *       municipality.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class BoundaryFileReader {

  private static final Logger LOG = LoggerFactory.getLogger(BoundaryFileReader.class);

  private static final List<String> CODE_PROPERTIES =
      List.of("code", "statcode", "gemeentecode", "gm_code");
  private static final List<String> YEAR_PROPERTIES = List.of("jaar", "year");

  /**
   * The boundaries in {@code file} of the municipalities of {@code reference}.
   *
   * @param defaultVintage the vintage year when neither the features nor the file name give one
   * @throws BoundaryFileException if the file is missing, not parseable, has no code property,
   *     holds none of the reference municipalities or has a non-polygon or empty boundary
   */
  public BoundarySet read(Path file, ReferenceGeography reference, int defaultVintage) {
    if (!Files.isRegularFile(file)) {
      throw new BoundaryFileException(file, "does not exist or is not a file. Download the"
          + " municipal boundaries (CBS Gebiedsindelingen, e.g. cbs_gemeente_2019_gegeneraliseerd)"
          + " from PDOK as GeoPackage or GeoJSON and configure their path.");
    }
    FeatureLayer layer;
    try {
      layer = FeatureFiles.read(file);
    } catch (FeatureFileException e) {
      throw new BoundaryFileException(file, e.problem(), e);
    }
    int fileVintage = BoundaryFiles.yearInName(file).orElse(defaultVintage);
    Crs crs = layer.crs();

    Map<String, List<Geometry>> partsByCode = new TreeMap<>();
    Map<String, Integer> vintageByCode = new HashMap<>();
    Set<String> otherCodes = new TreeSet<>();
    boolean anyCode = false;
    for (FeatureLayer.Feature feature : layer.features()) {
      if (feature.geometry() == null) {
        continue;
      }
      Map<String, Object> properties = lowerCaseNames(feature.properties());
      Optional<Object> rawCode = firstPresent(properties, CODE_PROPERTIES);
      if (rawCode.isEmpty()) {
        continue;
      }
      anyCode = true;
      Optional<Municipality> municipality = reference.municipality(rawCode.get().toString());
      if (municipality.isEmpty()) {
        otherCodes.add(rawCode.get().toString());
        continue;
      }
      String code = municipality.get().code();
      partsByCode.computeIfAbsent(code, c -> new ArrayList<>())
          .add(toValidRdNew(file, municipality.get(), feature.geometry(), crs));
      int vintage = firstPresent(properties, YEAR_PROPERTIES)
          .map(value -> vintage(file, code, value))
          .orElse(fileVintage);
      vintageByCode.merge(code, vintage, Math::max);
    }
    if (!anyCode) {
      throw new BoundaryFileException(file, "has no municipality code property; looked for "
          + String.join(", ", CODE_PROPERTIES) + " (any case) and found "
          + layer.features().stream().findFirst().map(f -> f.properties().keySet().toString())
              .orElse("no features with a geometry"));
    }
    if (partsByCode.isEmpty()) {
      throw new BoundaryFileException(file, "contains none of the "
          + reference.municipalities().size() + " municipalities of the reference geography"
          + " (found codes such as " + otherCodes.stream().limit(5).toList() + ")");
    }

    List<MunicipalityBoundary> boundaries = new ArrayList<>();
    partsByCode.forEach((code, parts) -> boundaries.add(new MunicipalityBoundary(code,
        parts.size() == 1 ? parts.get(0) : UnaryUnionOp.union(parts), vintageByCode.get(code))));
    List<String> missingCodes = reference.municipalities().stream()
        .map(Municipality::code)
        .filter(code -> !partsByCode.containsKey(code))
        .toList();
    int vintage = vintageByCode.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
    return new BoundarySet(file, vintage, boundaries, missingCodes);
  }

  private static Geometry toValidRdNew(Path file, Municipality municipality, Geometry geometry,
      Crs crs) {
    String name = municipality.code() + " (" + municipality.name() + ")";
    if (!(geometry instanceof Polygonal)) {
      throw new BoundaryFileException(file, "the boundary of " + name + " is a "
          + geometry.getGeometryType() + "; a municipality boundary must be a Polygon or MultiPolygon");
    }
    geometry.setSRID(crs.epsg()); // freshly parsed, so ours to label
    Geometry rd = CrsTransform.transform(geometry, crs, Crs.RD_NEW);
    IsValidOp validity = new IsValidOp(rd);
    if (!validity.isValid()) {
      LOG.warn("Boundary of {} in {} is invalid ({}); repaired with GeometryFixer", name, file,
          validity.getValidationError());
      rd = GeometryFixer.fix(rd);
    }
    if (rd.isEmpty() || rd.getArea() == 0) {
      throw new BoundaryFileException(file, "the boundary of " + name + " has no area");
    }
    return rd;
  }

  private static int vintage(Path file, String code, Object value) {
    String text = value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
        ? Long.toString(number.longValue())
        : value.toString().strip();
    if (text.matches("\\d{4}") && BoundaryFiles.isVintage(Integer.parseInt(text))) {
      return Integer.parseInt(text);
    }
    throw new BoundaryFileException(file, "the year property of " + code + " is '" + value
        + "'; expected a year from " + BoundaryFiles.FIRST_VINTAGE + " to "
        + BoundaryFiles.LAST_VINTAGE + ", or remove the property");
  }

  private static Map<String, Object> lowerCaseNames(Map<String, Object> properties) {
    Map<String, Object> result = new HashMap<>();
    properties.forEach((name, value) -> result.putIfAbsent(name.toLowerCase(Locale.ROOT), value));
    return result;
  }

  /** The value of the first of {@code names} that is present with a non-null value. */
  private static Optional<Object> firstPresent(Map<String, Object> properties, List<String> names) {
    return names.stream().map(properties::get).filter(value -> value != null).findFirst();
  }
}
