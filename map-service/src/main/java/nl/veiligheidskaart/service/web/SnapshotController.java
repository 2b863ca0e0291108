package nl.veiligheidskaart.service.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.api.SnapshotRequest;
import nl.veiligheidskaart.service.audit.AuditFacts;
import nl.veiligheidskaart.service.config.IncidentCategories;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.service.maptiles.ChoroplethMeasure;
import nl.veiligheidskaart.service.maptiles.MapLayerCatalogue;
import nl.veiligheidskaart.service.maptiles.MapLayerDefinition;
import nl.veiligheidskaart.service.maptiles.MapLayerFilter;
import nl.veiligheidskaart.service.maptiles.MunicipalitiesLayer;
import nl.veiligheidskaart.service.snapshots.SnapshotService.Snapshot;
import nl.veiligheidskaart.service.snapshots.SnapshotService;
import nl.veiligheidskaart.tiles.page.PageFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Map snapshots as PNG or PDF, for briefings: validates the request, the service draws it. */
@RestController
class SnapshotController {

  static final int MAX_TITLE = 120;
  static final int MAX_SUBTITLE = 200;

  private final SnapshotService snapshots;
  private final IncidentCategories categories;
  private final MapLayerCatalogue catalogue;

  SnapshotController(SnapshotService snapshots, IncidentCategories categories, MapLayerCatalogue catalogue) {
    this.snapshots = snapshots;
    this.categories = categories;
    this.catalogue = catalogue;
  }

  @PostMapping(path = "/api/v1/snapshots", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<byte[]> snapshot(@RequestBody SnapshotRequest request, DisclosurePolicy policy,
      Authentication user) {
    String title = text("title", request.title(), MAX_TITLE, true);
    String subtitle = text("subtitle", request.subtitle(), MAX_SUBTITLE, false);
    boolean pdf = choice("format", request.format(), "pdf", "png", "pdf").equals("pdf");
    PageFormat page = PageFormat.of(choice("pageSize", request.pageSize(), "A4", "A4", "A3"),
        choice("orientation", request.orientation(), "landscape", "portrait", "landscape").equals("landscape"));
    int dpi = request.dpi() == null ? 150 : request.dpi();
    if (dpi < 72 || dpi > 600) {
      throw new InvalidParameterException("dpi", "dpi lies between 72 and 600");
    }
    ReaderPeriod period = ReaderPeriod.of(request.from(), request.to(), policy);
    ChoroplethMeasure measure = MapLayerQuery.choroplethMeasure(request.measure());
    SnapshotService.MapArea area = area(request, policy);
    AuditFacts.area(request.area() != null && !request.area().isBlank() ? request.area().strip()
        : "bbox " + request.bbox().stream().map(String::valueOf).collect(Collectors.joining(","))
            + (request.bboxCrs() == null ? "" : " " + request.bboxCrs()));
    AuditFacts.period(request.from(), request.to());
    SnapshotService.Specification spec = new SnapshotService.Specification(area.extent(), area.label(),
        layers(request.layers()), new MapLayerFilter(categories.parse(request.category(), "category"),
            period.from(), period.to()), measure, title, subtitle, pdf, page, dpi);
    Snapshot snapshot = snapshots.make(spec, policy, user.getName());
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(snapshot.mediaType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(snapshot.fileName())
            .build().toString())
        .cacheControl(CacheControl.noStore()).body(snapshot.bytes());
  }

  /** The asked area, or the bbox as an unnamed extent. */
  private SnapshotService.MapArea area(SnapshotRequest request, DisclosurePolicy policy) {
    boolean byBox = request.bbox() != null;
    boolean byArea = request.area() != null && !request.area().isBlank();
    if (byBox == byArea) {
      throw new InvalidParameterException(byBox ? "area" : "bbox", "give either bbox or area, not "
          + (byBox ? "both" : "neither"));
    }
    if (byArea) {
      return snapshots.area(request.area().strip(), policy);
    }
    List<Double> box = request.bbox();
    if (box.size() != 4 || box.stream().anyMatch(v -> v == null || !Double.isFinite(v))
        || box.get(0) >= box.get(2) || box.get(1) >= box.get(3)) {
      throw new InvalidParameterException("bbox", "bbox is [minX, minY, maxX, maxY] with min below max");
    }
    String crsName = request.bboxCrs() == null ? "CRS84" : request.bboxCrs().strip().toUpperCase(Locale.ROOT);
    Crs crs = switch (crsName) {
      case "CRS84", "EPSG:4326", "OGC:CRS84" -> Crs.WGS84;
      case "EPSG:28992" -> Crs.RD_NEW;
      default -> throw new InvalidParameterException("bboxCrs", "bboxCrs is CRS84 or EPSG:28992, not " + crsName);
    };
    boolean plausible = crs == Crs.WGS84
        ? box.get(0) >= 2 && box.get(2) <= 8 && box.get(1) >= 50 && box.get(3) <= 54.5
        : box.get(0) >= 0 && box.get(2) <= 300_000 && box.get(1) >= 300_000 && box.get(3) <= 650_000;
    if (!plausible) {
      throw new InvalidParameterException("bbox", "the bbox lies outside the Netherlands (in " + crsName + ")");
    }
    return new SnapshotService.MapArea(SnapshotService.mercatorExtent(new double[] {box.get(0), box.get(1),
        box.get(2), box.get(3)}, crs), "kaartuitsnede");
  }

  private List<MapLayerDefinition> layers(List<String> requested) {
    if (requested == null || requested.isEmpty()) {
      return List.of(catalogue.get(MunicipalitiesLayer.ID));
    }
    List<MapLayerDefinition> layers = new ArrayList<>();
    for (String id : requested) {
      layers.add(catalogue.find(id).orElseThrow(() -> new InvalidParameterException("layers", "no map layer '" + id
          + "'")));
    }
    return layers;
  }

  private static String text(String field, String value, int maxLength, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        throw new InvalidParameterException(field, field + " is required");
      }
      return null;
    }
    if (value.length() > maxLength) {
      throw new InvalidParameterException(field, field + " has at most " + maxLength + " characters");
    }
    return value.strip();
  }

  private static String choice(String field, String value, String defaultValue, String... allowed) {
    if (value == null) {
      return defaultValue;
    }
    for (String option : allowed) {
      if (option.equalsIgnoreCase(value.strip())) {
        return option;
      }
    }
    throw new InvalidParameterException(field, field + " is " + String.join(" or ", allowed) + ", not '" + value + "'");
  }
}
