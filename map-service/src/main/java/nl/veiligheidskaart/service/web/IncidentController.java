package nl.veiligheidskaart.service.web;

import java.util.Map;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.geodata.reference.ReferenceGeography;
import nl.veiligheidskaart.service.audit.AuditFacts;
import nl.veiligheidskaart.service.config.IncidentCategories;
import nl.veiligheidskaart.service.layers.IncidentLayer;
import nl.veiligheidskaart.service.store.IncidentFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Raw incident points (role ANALYST): GeoJSON, or CSV in import format v1. */
@RestController
class IncidentController {

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
  ResponseEntity<?> incidents(IncidentListQuery query,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    IncidentFilter filter = query.filter(categories, reference);
    int pageSize = query.pageSize();
    int start = query.start();
    if (query.wantsCsv(accept)) {
      IncidentLayer.CsvPage page = incidents.csv(filter, start, pageSize);
      AuditFacts.rows(page.rows());
      return ResponseEntity.ok().contentType(CSV)
          .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"incidents.csv\"")
          .body(page.text());
    }
    Crs outputCrs = query.outputCrs();
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
}
