package nl.veiligheidskaart.service.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.geodata.reference.ReferenceGeography;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.audit.AuditFacts;
import nl.veiligheidskaart.service.config.IncidentCategories;
import nl.veiligheidskaart.service.layers.IncidentLayer;
import nl.veiligheidskaart.service.store.IncidentFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Raw incident points (role ANALYST): GeoJSON, or CSV in import format v1. */
@RestController
class IncidentController {

  static final int DEFAULT_LIMIT = 1_000;
  static final int MAX_LIMIT = 10_000;
  private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

  private final IncidentLayer incidents;
  private final ReferenceGeography reference;
  private final IncidentCategories categories;

  IncidentController(IncidentLayer incidents, ReferenceGeography reference, IncidentCategories categories) {
    this.incidents = incidents;
    this.reference = reference;
    this.categories = categories;
  }

  @GetMapping("/api/v1/incidents")
  ResponseEntity<?> incidents(@RequestParam(required = false) List<String> category,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String municipality, @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) Integer offset, @RequestParam(required = false) String crs,
      @RequestParam(required = false) String format,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    IncidentFilter filter = new IncidentFilter(categories.parse(category, "category"),
        DateParameter.instant("from", from), DateParameter.instant("to", to), municipality(municipality));
    if (filter.from() != null && filter.to() != null && !filter.to().isAfter(filter.from())) {
      throw new InvalidParameterException("to", "to (" + to + ") must lie after from (" + from + ")");
    }
    int pageSize = bounded("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
    int start = bounded("offset", offset, 0, 0, Integer.MAX_VALUE);
    if (wantsCsv(format, accept)) {
      IncidentLayer.CsvPage page = incidents.csv(filter, start, pageSize);
      AuditFacts.rows(page.rows());
      return ResponseEntity.ok().contentType(CSV)
          .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"incidents.csv\"")
          .body(page.text());
    }
    Crs outputCrs = CrsParameter.parse(crs);
    IncidentLayer.Page page = incidents.features(filter, start, pageSize, outputCrs);
    AuditFacts.rows(page.numberReturned());
    return ResponseEntity.ok().headers(CrsParameter.contentCrs(outputCrs))
        .contentType(MediaType.parseMediaType(GeographyController.GEO_JSON))
        .body(new PagedFeatures(page, start));
  }

  /** The collection with OGC API Features' counts beside the features. */
  record PagedFeatures(String type, Map<String, Object> crs, Object features, long numberMatched,
      int numberReturned, int offset) {

    PagedFeatures(IncidentLayer.Page page, int offset) {
      this(page.features().type(), page.features().crs(), page.features().features(), page.numberMatched(),
          page.numberReturned(), offset);
    }
  }

  private static boolean wantsCsv(String format, String accept) {
    if (format != null) {
      return switch (format.toLowerCase(Locale.ROOT)) {
        case "csv" -> true;
        case "geojson", "json" -> false;
        default -> throw new InvalidParameterException("format", "format must be csv or geojson, not '" + format + "'");
      };
    }
    return accept != null && accept.contains("text/csv");
  }

  private List<String> municipality(String code) {
    if (code == null || code.isBlank()) {
      return List.of();
    }
    return List.of(reference.municipality(code).orElseThrow(() -> new InvalidParameterException("municipality",
        "'" + code + "' is not a municipality of Oost-Nederland")).code());
  }

  private static int bounded(String parameter, Integer value, int defaultValue, int min, int max) {
    if (value == null) {
      return defaultValue;
    }
    if (value < min || value > max) {
      throw new InvalidParameterException(parameter, parameter + " must lie between " + min + " and " + max);
    }
    return value;
  }
}
