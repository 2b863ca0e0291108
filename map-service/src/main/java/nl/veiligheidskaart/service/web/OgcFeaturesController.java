package nl.veiligheidskaart.service.web;

import static nl.veiligheidskaart.service.config.Zones.NETHERLANDS;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.Explode;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.enums.ParameterStyle;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.service.api.Feature;
import nl.veiligheidskaart.service.api.FeatureCollection;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.audit.AuditFacts;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.service.features.FeatureCollections.Description;
import nl.veiligheidskaart.service.features.FeatureCollections;
import nl.veiligheidskaart.service.query.BboxArea;
import nl.veiligheidskaart.service.query.Condition;
import nl.veiligheidskaart.service.query.Cql2;
import org.locationtech.jts.geom.Envelope;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
      "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
      "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
      "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
      "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
      "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
      "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json",
      "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
      "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions");
  static final int DEFAULT_LIMIT = 10;
  static final int MAX_LIMIT = 10_000;
  private static final Set<String> ITEM_PARAMETERS = Set.of("bbox", "bbox-crs", "datetime", "limit", "offset", "crs",
      "filter", "filter-lang", "filter-crs", "f");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String GEO_JSON = "application/geo+json";
  private static final String TITLE = "Veiligheidskaart Oost-Nederland";
  private static final String DESCRIPTION = "Incidents, risk locations and reference geography of the safety "
      + "network of Oost-Nederland";
  private static final String CRS84_URI = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
  private static final String RD_NEW_URI = "http://www.opengis.net/def/crs/EPSG/0/28992";

  private final FeatureCollections collections;

  OgcFeaturesController(FeatureCollections collections) {
    this.collections = collections;
  }

  @GetMapping({"", "/"})
  Map<String, Object> landingPage() {
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("title", TITLE);
    page.put("description", DESCRIPTION);
    page.put("links", landingLinks());
    return page;
  }

  @GetMapping(path = {"", "/"}, produces = MediaType.TEXT_HTML_VALUE)
  String landingPageHtml() {
    return OgcHtmlPage.titled(TITLE).paragraph(DESCRIPTION).links(landingLinks()).end();
  }

  private static List<Map<String, String>> landingLinks() {
    return List.of(
        link(url("/ogc"), "self", "application/json", "This document"),
        link(url("/ogc"), "alternate", MediaType.TEXT_HTML_VALUE, "This document as HTML"),
        link(url("/v3/api-docs"), "service-desc", OpenApiDocumentController.OPENAPI_JSON, "The API definition"),
        link(url("/ogc/conformance"), "conformance", "application/json", "Conformance classes"),
        link(url("/ogc/collections"), "data", "application/json", "The feature collections"),
        link(url("/ogc/tiles"), OgcTileDocuments.TILESETS_VECTOR, "application/json", "The map layers' tilesets"),
        link(url("/ogc/tiles"), OgcTileDocuments.TILESETS_MAP, "application/json", "The map layers' tilesets"),
        link(url("/ogc/tileMatrixSets"), OgcTileDocuments.TILING_SCHEMES, "application/json",
            "The tile matrix sets: WebMercatorQuad and NetherlandsRDNewQuad"));
  }

  @GetMapping("/conformance")
  Map<String, Object> conformance() {
    List<String> classes = new ArrayList<>(CONFORMANCE);
    classes.addAll(OgcTileDocuments.CONFORMANCE);
    return Map.of("conformsTo", classes);
  }

  @GetMapping("/collections")
  Map<String, Object> collections(DisclosurePolicy policy) {
    Envelope extent = collections.extentCrs84();
    return Map.of(
        "links", List.of(link(url("/ogc/collections"), "self", "application/json", "The feature collections")),
        "collections", collections.visible(policy).stream().map(c -> collection(c, extent)).toList(),
        "crs", crsList());
  }

  @GetMapping("/collections/{id}")
  Map<String, Object> collection(@PathVariable String id, DisclosurePolicy policy) {
    return collection(collections.describe(id, policy), collections.extentCrs84());
  }

  @Hidden
  @GetMapping(path = "/collections", produces = MediaType.TEXT_HTML_VALUE)
  String collectionsHtml(DisclosurePolicy policy) {
    List<List<Object>> rows = collections.visible(policy).stream().<List<Object>>map(c -> List.of(
        new OgcHtmlPage.Link(url("/ogc/collections/" + c.id() + "/items"), c.id()), c.title(), c.description()))
        .toList();
    return OgcHtmlPage.titled("Collections").table(List.of("id", "title", "description"), rows)
        .links(List.of(link(url("/ogc/collections"), "alternate", "application/json", "As JSON"),
            link(url("/ogc"), "up", MediaType.TEXT_HTML_VALUE, "The landing page")))
        .end();
  }

  @Hidden
  @GetMapping(path = "/collections/{id}", produces = MediaType.TEXT_HTML_VALUE)
  String collectionHtml(@PathVariable String id, DisclosurePolicy policy) {
    Description description = collections.describe(id, policy);
    List<List<Object>> queryables = description.queryables().properties().entrySet().stream()
        .<List<Object>>map(q -> List.of(q.getKey(), q.getValue().name().toLowerCase(Locale.ROOT).replace('_', '-')))
        .toList();
    @SuppressWarnings("unchecked")
    List<Map<String, String>> links = (List<Map<String, String>>) collection(description, collections.extentCrs84())
        .get("links");
    return OgcHtmlPage.titled(description.title()).paragraph(description.description()).links(links)
        .heading("Queryables").table(List.of("property", "type"), queryables).end();
  }

  /** The items as a table and a small map; the same parameters as the GeoJSON. */
  @Hidden
  @GetMapping(path = "/collections/{id}/items", produces = MediaType.TEXT_HTML_VALUE)
  String itemsHtml(@PathVariable String id, DisclosurePolicy policy, HttpServletRequest request) {
    Map<String, Object> page = items(id, policy, request).getBody();
    @SuppressWarnings("unchecked")
    List<Feature> features = (List<Feature>) page.get("features");
    List<String> columns = new ArrayList<>(List.of("id"));
    features.forEach(feature -> feature.properties().keySet().stream()
        .filter(key -> !columns.contains(key) && !(feature.properties().get(key) instanceof Collection<?>))
        .forEach(columns::add));
    List<List<Object>> rows = features.stream().<List<Object>>map(feature -> {
      List<Object> row = new ArrayList<>();
      row.add(new OgcHtmlPage.Link(url("/ogc/collections/" + id + "/items/" + pathSegment(feature.id())),
          feature.id()));
      columns.subList(1, columns.size()).forEach(column -> row.add(feature.properties().get(column)));
      return row;
    }).toList();
    @SuppressWarnings("unchecked")
    List<Map<String, String>> links = (List<Map<String, String>>) page.get("links");
    return OgcHtmlPage.titled(collections.describe(id, policy).title())
        .paragraph(page.get("numberReturned") + " of " + page.get("numberMatched") + " features")
        .map(links.get(0).get("href")).table(columns, rows).links(links).end();
  }

  /** The query parameters are read from the request (see once()); the annotations describe them in the API doc. */
  @GetMapping(path = "/collections/{id}/items", produces = {GEO_JSON, "application/json"})
  @Parameters({
      @Parameter(name = "bbox", in = ParameterIn.QUERY, description = "Features intersecting the box "
          + "minx,miny,maxx,maxy (or with heights: minx,miny,minz,maxx,maxy,maxz) in bbox-crs; in CRS84 minx > maxx "
          + "crosses the antimeridian", style = ParameterStyle.FORM, explode = Explode.FALSE,
          array = @ArraySchema(schema = @Schema(type = "number"), minItems = 4, maxItems = 6)),
      @Parameter(name = "bbox-crs", in = ParameterIn.QUERY, description = "The CRS of bbox: " + CRS84_URI
          + " (default) or " + RD_NEW_URI, schema = @Schema(type = "string", format = "uri")),
      @Parameter(name = "datetime", in = ParameterIn.QUERY, description = "An RFC 3339 date-time or date, or an "
          + "interval start/end with '..' for an open end; dates are whole days in Dutch time",
          style = ParameterStyle.FORM, explode = Explode.FALSE, schema = @Schema(type = "string")),
      @Parameter(name = "limit", in = ParameterIn.QUERY, description = "Features per page", style = ParameterStyle.FORM,
          explode = Explode.FALSE, schema = @Schema(type = "integer", minimum = "1", maximum = "" + MAX_LIMIT,
              defaultValue = "" + DEFAULT_LIMIT)),
      @Parameter(name = "offset", in = ParameterIn.QUERY, description = "Features to skip: the start of the page",
          schema = @Schema(type = "integer", minimum = "0", defaultValue = "0")),
      @Parameter(name = "crs", in = ParameterIn.QUERY, description = "The CRS of the answer: " + CRS84_URI
          + " (default) or " + RD_NEW_URI, schema = @Schema(type = "string", format = "uri")),
      @Parameter(name = "filter", in = ParameterIn.QUERY, description = "A CQL2 filter on the collection's "
          + "queryables: comparisons, AND, OR, NOT, IS NULL, S_INTERSECTS, T_INTERSECTS",
          schema = @Schema(type = "string")),
      @Parameter(name = "filter-lang", in = ParameterIn.QUERY, description = "The encoding of filter",
          schema = @Schema(type = "string", allowableValues = {"cql2-text", "cql2-json"},
              defaultValue = "cql2-text")),
      @Parameter(name = "filter-crs", in = ParameterIn.QUERY, description = "The CRS of geometries in filter: "
          + CRS84_URI + " (default) or " + RD_NEW_URI, schema = @Schema(type = "string", format = "uri"))})
  ResponseEntity<Map<String, Object>> items(@PathVariable String id,
      DisclosurePolicy policy, HttpServletRequest request) {
    request.getParameterMap().keySet().stream().filter(name -> !ITEM_PARAMETERS.contains(name)).findFirst()
        .ifPresent(name -> {
          throw new InvalidParameterException(name, "unknown parameter '" + name + "'; items take "
              + String.join(", ", ITEM_PARAMETERS));
        });
    Crs outputCrs = listedCrs("crs", once(request, "crs"));
    int pageSize = bounded("limit", once(request, "limit"), DEFAULT_LIMIT, 1, MAX_LIMIT);
    int start = bounded("offset", once(request, "offset"), 0, 0, Integer.MAX_VALUE);
    Instant[] period = datetime(once(request, "datetime"));
    BboxArea area = bbox(once(request, "bbox"), once(request, "bbox-crs"));
    Condition condition = filter(collections.describe(id, policy), once(request, "filter"),
        once(request, "filter-lang"), once(request, "filter-crs"));
    FeatureCollections.Items items = collections.items(id, policy, new FeatureCollections.Query(
        area == null ? null : area.inRdNew(), period[0], period[1], condition, start, pageSize, outputCrs));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "FeatureCollection");
    if (outputCrs != Crs.WGS84) {
      body.put("crs", FeatureCollection.crsMember(outputCrs));
    }
    body.put("features", items.features());
    body.put("numberMatched", items.numberMatched());
    body.put("numberReturned", items.features().size());
    AuditFacts.rows(items.features().size());
    body.put("timeStamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    List<Map<String, String>> links = new ArrayList<>();
    links.add(link(page(request, start), "self", GEO_JSON, "This page"));
    if (start + items.features().size() < items.numberMatched()) {
      links.add(link(page(request, start + pageSize), "next", GEO_JSON, "Next page"));
    }
    if (start > 0) {
      links.add(link(page(request, Math.max(0, start - pageSize)), "prev", GEO_JSON, "Previous page"));
    }
    links.add(link(url("/ogc/collections/" + id), "collection", "application/json", "The collection"));
    body.put("links", links);
    return ResponseEntity.ok().headers(CrsParameter.contentCrs(outputCrs))
        .contentType(MediaType.parseMediaType(GEO_JSON)).body(body);
  }

  @GetMapping(path = "/collections/{id}/items/{featureId}", produces = {GEO_JSON, "application/json"})
  ResponseEntity<Map<String, Object>> item(@PathVariable String id, @PathVariable String featureId,
      @Parameter(description = "The CRS of the answer: " + CRS84_URI + " (default) or " + RD_NEW_URI)
      @RequestParam(required = false) String crs, DisclosurePolicy policy) {
    Crs outputCrs = listedCrs("crs", crs);
    Feature feature = collections.item(id, policy, featureId, outputCrs);
    AuditFacts.rows(1);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", feature.type());
    body.put("id", feature.id());
    body.put("geometry", feature.geometry());
    body.put("properties", feature.properties());
    String self = url("/ogc/collections/" + id + "/items/" + pathSegment(featureId));
    body.put("links", List.of(
        link(outputCrs == Crs.WGS84 ? self : self + "?crs=" + encoded(outputCrs.uri()),
            "self", GEO_JSON, "This feature"),
        link(url("/ogc/collections/" + id), "collection", "application/json", "The collection")));
    return ResponseEntity.ok().headers(CrsParameter.contentCrs(outputCrs))
        .contentType(MediaType.parseMediaType(GEO_JSON)).body(body);
  }

  /** Part 3: what a filter on this collection may name, as a JSON schema. */
  @GetMapping(path = "/collections/{id}/queryables", produces = {"application/schema+json", "application/json"})
  ResponseEntity<Map<String, Object>> queryables(@PathVariable String id, DisclosurePolicy policy) {
    Description description = collections.describe(id, policy);
    Map<String, Object> properties = new LinkedHashMap<>();
    description.queryables().properties().forEach((name, type) -> properties.put(name, switch (type) {
      case STRING -> Map.of("type", "string");
      case NUMBER -> Map.of("type", "number");
      case INTEGER -> Map.of("type", "integer");
      case BOOLEAN -> Map.of("type", "boolean");
      case DATE -> Map.of("type", "string", "format", "date");
      case DATE_TIME -> Map.of("type", "string", "format", "date-time");
      case GEOMETRY -> Map.of("format", "geometry-any");
    }));
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    schema.put("$id", url("/ogc/collections/" + id + "/queryables"));
    schema.put("type", "object");
    schema.put("title", description.title());
    schema.put("properties", properties);
    schema.put("additionalProperties", false);
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/schema+json")).body(schema);
  }

  /** The filter parameter (Part 3) as a condition on the collection's queryables; null when not given. */
  private static Condition filter(Description collection, String filter, String language, String filterCrs) {
    if (filter == null || filter.isBlank()) {
      return null;
    }
    Crs crs = listedCrs("filter-crs", filterCrs);
    String lang = language == null ? "cql2-text" : language;
    if (lang.equals("cql2-text")) {
      return Cql2.text(filter, collection.queryables(), crs);
    }
    if (lang.equals("cql2-json")) {
      JsonNode json;
      try {
        json = JSON.readTree(filter);
      } catch (JacksonException e) {
        throw new InvalidParameterException("filter", "filter is not JSON: " + e.getOriginalMessage());
      }
      return Cql2.json(json, collection.queryables(), crs);
    }
    throw new InvalidParameterException("filter-lang", "filter-lang is cql2-text or cql2-json, not '" + lang + "'");
  }

  private Map<String, Object> collection(Description description, Envelope extent) {
    Map<String, Object> collection = new LinkedHashMap<>();
    collection.put("id", description.id());
    collection.put("title", description.title());
    collection.put("description", description.description());
    collection.put("itemType", "feature");
    collection.put("extent", Map.of("spatial", Map.of("bbox", List.of(List.of(extent.getMinX(), extent.getMinY(),
        extent.getMaxX(), extent.getMaxY())), "crs", CRS84_URI)));
    collection.put("crs", crsList());
    collection.put("storageCrs", RD_NEW_URI);
    List<Map<String, String>> links = new ArrayList<>(List.of(
        link(url("/ogc/collections/" + description.id()), "self", "application/json", description.title()),
        link(url("/ogc/collections/" + description.id() + "/items"), "items", GEO_JSON, "The features"),
        link(url("/ogc/collections/" + description.id() + "/queryables"),
            "http://www.opengis.net/def/rel/ogc/1.0/queryables", "application/schema+json",
            "What a filter may name")));
    if (OgcTileDocuments.hasTiles(description.id())) {
      links.add(link(url("/ogc/collections/" + description.id() + "/tiles"), OgcTileDocuments.TILESETS_VECTOR,
          "application/json", "Vector tiles (MVT)"));
      links.add(link(url("/ogc/collections/" + description.id() + "/map/tiles"), OgcTileDocuments.TILESETS_MAP,
          "application/json", "Map tiles (PNG)"));
    }
    collection.put("links", links);
    return collection;
  }

  private static List<String> crsList() {
    return List.of(CRS84_URI, RD_NEW_URI);
  }

  /**
   * A CRS the collections list (Part 2 requires refusing others): CRS84 or RD New. EPSG:4326 is
   * refused although it is WGS 84: its official axis order is latitude first, and answering in
   * longitude-latitude order would silently mislead a client that follows it.
   */
  static Crs listedCrs(String parameter, String value) {
    if (value == null || value.isBlank()) {
      return Crs.WGS84;
    }
    Crs crs;
    try {
      crs = Crs.parse(value);
    } catch (IllegalArgumentException e) {
      crs = null;
    }
    boolean crs84 = crs == Crs.WGS84 && value.toLowerCase(Locale.ROOT).contains("crs84");
    if (crs == Crs.RD_NEW || crs84) {
      return crs;
    }
    throw new InvalidParameterException(parameter, "the collections are served in " + CRS84_URI + " and "
        + RD_NEW_URI + ", not in '" + value + "'");
  }

  /**
   * bbox as minx,miny,maxx,maxy (or minx,miny,minz,maxx,maxy,maxz, heights ignored: the data is 2D)
   * in bbox-crs, CRS84 by default; null when not given.
   */
  static BboxArea bbox(String value, String bboxCrs) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String[] parts = value.split(",", -1);
    if (parts.length != 4 && parts.length != 6) {
      throw new InvalidParameterException("bbox", "bbox takes four numbers, minx,miny,maxx,maxy, or six with "
          + "heights, minx,miny,minz,maxx,maxy,maxz");
    }
    double[] numbers = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        numbers[i] = Double.parseDouble(parts[i].strip());
      } catch (NumberFormatException e) {
        throw new InvalidParameterException("bbox", "'" + parts[i].strip() + "' in bbox is not a number");
      }
      if (!Double.isFinite(numbers[i])) {
        throw new InvalidParameterException("bbox", "bbox takes finite numbers, not '" + parts[i].strip() + "'");
      }
    }
    int half = numbers.length / 2;
    Crs crs = listedCrs("bbox-crs", bboxCrs);
    BboxArea box = new BboxArea(numbers[0], numbers[1], numbers[half], numbers[half + 1], crs);
    if (half == 3 && numbers[2] > numbers[5]) {
      throw new InvalidParameterException("bbox", "the bbox is inverted: minz must not exceed maxz");
    }
    if (crs == Crs.WGS84 && (Math.abs(box.minX()) > 180 || Math.abs(box.maxX()) > 180 || Math.abs(box.minY()) > 90
        || Math.abs(box.maxY()) > 90)) {
      throw new InvalidParameterException("bbox", "a bbox in CRS84 lies within longitude -180 to 180 and "
          + "latitude -90 to 90");
    }
    if (box.minY() >= box.maxY() || box.minX() == box.maxX()) {
      throw new InvalidParameterException("bbox", "the bbox has no area or is inverted: miny must be below maxy, "
          + "and minx below maxx (in CRS84 minx > maxx crosses the antimeridian)");
    }
    if (box.minX() > box.maxX() && crs != Crs.WGS84) {
      throw new InvalidParameterException("bbox", "the bbox is inverted: minx must be below maxx");
    }
    return box;
  }

  /**
   * The value of a query parameter. The same value given twice counts once: GDAL 3.6 adds the query of
   * its dataset URL (e.g. {@code ?datetime=...}) to every next link it follows. Different values are refused.
   */
  private static String once(HttpServletRequest request, String name) {
    String[] values = request.getParameterValues(name);
    if (values == null) {
      return null;
    }
    if (Arrays.stream(values).distinct().count() > 1) {
      throw new InvalidParameterException(name, name + " is given more than once, with different values");
    }
    return values[0];
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
        return new Instant[] {date.atStartOfDay(NETHERLANDS).toInstant(), date.plusDays(1).atStartOfDay(NETHERLANDS)
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

  private static String url(String path) {
    return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).toUriString();
  }

  /**
   * This request's URL with another offset. The query is written anew from the decoded parameters,
   * each once and encoded once (the raw query would be encoded a second time by a URI builder).
   */
  private static String page(HttpServletRequest request, int offset) {
    StringBuilder query = new StringBuilder();
    request.getParameterMap().forEach((name, values) -> {
      if (!name.equals("offset")) {
        query.append(query.isEmpty() ? "" : "&").append(encoded(name)).append('=').append(encoded(values[0]));
      }
    });
    query.append(query.isEmpty() ? "" : "&").append("offset=").append(offset);
    return ServletUriComponentsBuilder.fromRequestUri(request).build().toUriString() + "?" + query;
  }

  private static String encoded(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String pathSegment(String text) {
    return encoded(text).replace("+", "%20");
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
