package nl.veiligheidskaart.service.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.geodata.crs.CrsTransform;
import nl.veiligheidskaart.service.api.FeatureCollection;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.audit.AuditFacts;
import nl.veiligheidskaart.service.features.FeatureCollections;
import nl.veiligheidskaart.service.features.FeatureCollections.Description;
import nl.veiligheidskaart.service.security.Role;
import nl.veiligheidskaart.service.security.SignedInUser;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * OGC API – Features, Part 1 (core, GeoJSON) and Part 2 (CRS: RD New besides CRS84), so QGIS and
 * ArcGIS add the collections as layers. Raw-data collections are for analysts only.
 */
@RestController
@RequestMapping(path = "/ogc", produces = {"application/json", "application/geo+json"})
class OgcFeaturesController {

  static final List<String> CONFORMANCE = List.of(
      "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
      "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
      "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
      "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs");
  static final int DEFAULT_LIMIT = 10;
  static final int MAX_LIMIT = 10_000;
  private static final Set<String> ITEM_PARAMETERS = Set.of("bbox", "bbox-crs", "datetime", "limit", "offset", "crs",
      "f");
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final String GEO_JSON = "application/geo+json";

  private final FeatureCollections collections;

  OgcFeaturesController(FeatureCollections collections) {
    this.collections = collections;
  }

  @GetMapping({"", "/"})
  Map<String, Object> landingPage() {
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("title", "Veiligheidskaart Oost-Nederland");
    page.put("description", "Incidents, risk locations and reference geography of the safety network of "
        + "Oost-Nederland");
    page.put("links", List.of(
        link(url("/ogc"), "self", "application/json", "This document"),
        link(url("/v3/api-docs"), "service-desc", "application/vnd.oai.openapi+json;version=3.0", "The API definition"),
        link(url("/ogc/conformance"), "conformance", "application/json", "Conformance classes"),
        link(url("/ogc/collections"), "data", "application/json", "The feature collections")));
    return page;
  }

  @GetMapping("/conformance")
  Map<String, Object> conformance() {
    return Map.of("conformsTo", CONFORMANCE);
  }

  @GetMapping("/collections")
  Map<String, Object> collections(Authentication user) {
    Envelope extent = collections.extentCrs84();
    return Map.of(
        "links", List.of(link(url("/ogc/collections"), "self", "application/json", "The feature collections")),
        "collections", collections.visible(role(user)).stream().map(c -> collection(c, extent)).toList(),
        "crs", crsList());
  }

  @GetMapping("/collections/{id}")
  Map<String, Object> collection(@PathVariable String id, Authentication user) {
    return collection(collections.describe(id, role(user)), collections.extentCrs84());
  }

  @GetMapping(path = "/collections/{id}/items", produces = {GEO_JSON, "application/json"})
  ResponseEntity<Map<String, Object>> items(@PathVariable String id, @RequestParam Map<String, String> parameters,
      Authentication user, HttpServletRequest request) {
    parameters.keySet().stream().filter(name -> !ITEM_PARAMETERS.contains(name)).findFirst().ifPresent(name -> {
      throw new InvalidParameterException(name, "unknown parameter '" + name + "'; items take "
          + String.join(", ", ITEM_PARAMETERS));
    });
    Crs crs = CrsParameter.parse(parameters.get("crs"));
    int limit = bounded("limit", parameters.get("limit"), DEFAULT_LIMIT, 1, MAX_LIMIT);
    int offset = bounded("offset", parameters.get("offset"), 0, 0, Integer.MAX_VALUE);
    Instant[] period = datetime(parameters.get("datetime"));
    Envelope bbox = bbox(parameters.get("bbox"), parameters.get("bbox-crs"));
    FeatureCollections.Items items = collections.items(id, role(user),
        new FeatureCollections.Query(bbox, period[0], period[1], offset, limit, crs));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "FeatureCollection");
    if (crs != Crs.WGS84) {
      body.put("crs", FeatureCollection.crsMember(crs));
    }
    body.put("features", items.features());
    body.put("numberMatched", items.numberMatched());
    body.put("numberReturned", items.features().size());
    AuditFacts.rows(items.features().size());
    body.put("timeStamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    List<Map<String, String>> links = new ArrayList<>();
    links.add(link(page(request, offset), "self", GEO_JSON, "This page"));
    if (offset + items.features().size() < items.numberMatched()) {
      links.add(link(page(request, offset + limit), "next", GEO_JSON, "Next page"));
    }
    if (offset > 0) {
      links.add(link(page(request, Math.max(0, offset - limit)), "prev", GEO_JSON, "Previous page"));
    }
    links.add(link(url("/ogc/collections/" + id), "collection", "application/json", "The collection"));
    body.put("links", links);
    return ResponseEntity.ok().headers(CrsParameter.contentCrs(crs))
        .contentType(MediaType.parseMediaType(GEO_JSON)).body(body);
  }

  @GetMapping(path = "/collections/{id}/items/{featureId}", produces = {GEO_JSON, "application/json"})
  ResponseEntity<Object> item(@PathVariable String id, @PathVariable String featureId,
      @RequestParam(required = false) String crs, Authentication user) {
    Crs outputCrs = CrsParameter.parse(crs);
    Object feature = collections.item(id, role(user), featureId, outputCrs);
    AuditFacts.rows(1);
    return ResponseEntity.ok().headers(CrsParameter.contentCrs(outputCrs))
        .contentType(MediaType.parseMediaType(GEO_JSON)).body(feature);
  }

  private Map<String, Object> collection(Description description, Envelope extent) {
    Map<String, Object> collection = new LinkedHashMap<>();
    collection.put("id", description.id());
    collection.put("title", description.title());
    collection.put("description", description.description());
    collection.put("itemType", "feature");
    collection.put("extent", Map.of("spatial", Map.of("bbox", List.of(List.of(extent.getMinX(), extent.getMinY(),
        extent.getMaxX(), extent.getMaxY())), "crs", Crs.WGS84.uri())));
    collection.put("crs", crsList());
    collection.put("storageCrs", Crs.RD_NEW.uri());
    collection.put("links", List.of(
        link(url("/ogc/collections/" + description.id()), "self", "application/json", description.title()),
        link(url("/ogc/collections/" + description.id() + "/items"), "items", GEO_JSON, "The features")));
    return collection;
  }

  private static List<String> crsList() {
    return List.of(Crs.WGS84.uri(), Crs.RD_NEW.uri());
  }

  /** bbox as minx,miny,maxx,maxy in bbox-crs (CRS84 by default), as an envelope in RD New. */
  static Envelope bbox(String value, String bboxCrs) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String[] parts = value.split(",");
    double[] numbers = new double[parts.length];
    try {
      for (int i = 0; i < parts.length; i++) {
        numbers[i] = Double.parseDouble(parts[i].strip());
      }
    } catch (NumberFormatException e) {
      throw new InvalidParameterException("bbox", "bbox takes four numbers: minx,miny,maxx,maxy");
    }
    if (numbers.length != 4) {
      throw new InvalidParameterException("bbox", "bbox takes four numbers: minx,miny,maxx,maxy");
    }
    if (numbers[0] > numbers[2] || numbers[1] > numbers[3]) {
      throw new InvalidParameterException("bbox", "the bbox is inverted: minx must not exceed maxx, nor miny maxy");
    }
    Crs crs;
    try {
      crs = bboxCrs == null || bboxCrs.isBlank() ? Crs.WGS84 : Crs.parse(bboxCrs);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("bbox-crs", e.getMessage());
    }
    GeometryFactory factory = new GeometryFactory(new PrecisionModel(), crs.epsg());
    Geometry box = factory.toGeometry(new Envelope(new Coordinate(numbers[0], numbers[1]),
        new Coordinate(numbers[2], numbers[3])));
    return CrsTransform.transform(box, crs, Crs.RD_NEW).getEnvelopeInternal();
  }

  /** An instant, a date, or an interval start/end with ".." for open; both ends included as OGC says. */
  static Instant[] datetime(String value) {
    if (value == null || value.isBlank()) {
      return new Instant[] {null, null};
    }
    String[] ends = value.split("/", -1);
    if (ends.length > 2) {
      throw new InvalidParameterException("datetime", "datetime is an instant or start/end");
    }
    Instant[] start = moment(ends[0]);
    Instant[] end = ends.length == 2 ? moment(ends[1]) : start;
    Instant from = start == null ? null : start[0];
    Instant to = end == null ? null : end[1];
    if (from != null && to != null && !to.isAfter(from)) {
      throw new InvalidParameterException("datetime", "the datetime interval ends before it starts");
    }
    return new Instant[] {from, to};
  }

  /** [start, end) of one moment: a whole day for a date, a microsecond for a date-time; null for "..". */
  private static Instant[] moment(String text) {
    String value = text.strip();
    if (value.equals("..") || value.isEmpty()) {
      return null;
    }
    try {
      if (value.length() == 10) {
        LocalDate date = LocalDate.parse(value);
        return new Instant[] {date.atStartOfDay(AMSTERDAM).toInstant(), date.plusDays(1).atStartOfDay(AMSTERDAM)
            .toInstant()};
      }
      Instant instant = OffsetDateTime.parse(value).toInstant();
      return new Instant[] {instant, instant.plus(1, ChronoUnit.MICROS)};
    } catch (DateTimeException e) {
      throw new InvalidParameterException("datetime", "'" + value + "' is not a date or an RFC 3339 date-time");
    }
  }

  private static int bounded(String parameter, String value, int defaultValue, int min, int max) {
    if (value == null || value.isBlank()) {
      return defaultValue;
    }
    try {
      int number = Integer.parseInt(value.strip());
      if (number < min) {
        throw new InvalidParameterException(parameter, parameter + " must be at least " + min);
      }
      return Math.min(number, max);
    } catch (NumberFormatException e) {
      throw new InvalidParameterException(parameter, parameter + " must be a whole number");
    }
  }

  private static Role role(Authentication user) {
    return SignedInUser.role(user).orElseThrow();
  }

  private static String url(String path) {
    return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).toUriString();
  }

  private static String page(HttpServletRequest request, int offset) {
    return UriComponentsBuilder.fromUriString(ServletUriComponentsBuilder.fromRequest(request).toUriString())
        .replaceQueryParam("offset", offset).toUriString();
  }

  private static Map<String, String> link(String href, String rel, String type, String title) {
    Map<String, String> link = new LinkedHashMap<>();
    link.put("href", href);
    link.put("rel", rel);
    link.put("type", type);
    link.put("title", title);
    return link;
  }
}
