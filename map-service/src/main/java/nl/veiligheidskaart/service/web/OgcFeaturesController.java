package nl.veiligheidskaart.service.web;


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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.service.api.Feature;
import nl.veiligheidskaart.service.api.FeatureCollection;
import nl.veiligheidskaart.service.audit.AuditFacts;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.service.features.FeatureCollections.Description;
import nl.veiligheidskaart.service.features.FeatureCollections;
import nl.veiligheidskaart.service.maptiles.MapLayerCatalogue;
import nl.veiligheidskaart.service.query.BboxArea;
import nl.veiligheidskaart.service.query.Condition;
import org.locationtech.jts.geom.Envelope;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

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
  private static final String GEO_JSON = "application/geo+json";
  private static final String TITLE = "Veiligheidskaart Oost-Nederland";
  private static final String DESCRIPTION = "Incidents, risk locations and reference geography of the safety "
      + "network of Oost-Nederland";
  private static final String CRS84_URI = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
  private static final String RD_NEW_URI = "http://www.opengis.net/def/crs/EPSG/0/28992";

  private final FeatureCollections collections;
  private final MapLayerCatalogue catalogue;

  OgcFeaturesController(FeatureCollections collections, MapLayerCatalogue catalogue) {
    this.collections = collections;
    this.catalogue = catalogue;
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

  /** The query parameters are read by {@link OgcItemsQuery}; the annotations describe them in the API doc. */
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
          explode = Explode.FALSE, schema = @Schema(type = "integer", minimum = "1",
              maximum = "" + OgcItemsQuery.MAX_LIMIT, defaultValue = "" + OgcItemsQuery.DEFAULT_LIMIT)),
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
    OgcItemsQuery query = OgcItemsQuery.of(request);
    Crs outputCrs = query.outputCrs();
    int pageSize = query.pageSize();
    int start = query.start();
    Instant[] period = query.period();
    BboxArea area = query.area();
    Condition condition = query.condition(collections.describe(id, policy));
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
    Crs outputCrs = OgcItemsQuery.listedCrs("crs", crs);
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
    // a collection that is also a map layer has its tiles under the collection
    if (catalogue.find(description.id()).isPresent()) {
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
