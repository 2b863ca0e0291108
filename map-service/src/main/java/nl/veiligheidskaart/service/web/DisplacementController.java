package nl.veiligheidskaart.service.web;

import java.util.List;
import java.util.Locale;
import nl.veiligheidskaart.service.api.DisplacementOverview;
import nl.veiligheidskaart.service.api.DisplacementResult;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.config.IncidentCategories;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.service.displacement.DisplacementService.Buffer;
import nl.veiligheidskaart.service.displacement.DisplacementService.Control;
import nl.veiligheidskaart.service.displacement.DisplacementService;
import nl.veiligheidskaart.service.displacement.StudyPeriod;
import nl.veiligheidskaart.service.geography.DrawnArea;
import nl.veiligheidskaart.service.store.CountSource;
import org.locationtech.jts.geom.Geometry;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The waterbed check (roles ANALYST, BBG, and MUNICIPALITY for its own municipality and its
 * neighbours): displacement measures for a target against its buffer and a control.
 */
@RestController
@RequestMapping("/api/v1/analysis/displacement")
class DisplacementController {

  private final DisplacementService displacement;
  private final IncidentCategories categories;

  DisplacementController(DisplacementService displacement, IncidentCategories categories) {
    this.displacement = displacement;
    this.categories = categories;
  }

  @GetMapping
  DisplacementResult forMunicipalities(DisplacementQuery query, @RequestParam(required = false) List<String> target,
      @RequestParam(defaultValue = "contiguity") String buffer, @RequestParam(defaultValue = "district") String control,
      DisclosurePolicy policy) {
    StudyPeriod[] periods = query.periods(policy);
    return displacement.analyse(new DisplacementService.Request(list(target), null, query.theme(categories),
        query.countSource(), periods[0], periods[1], buffer(buffer), control(control)), policy);
  }

  /** The same check for a drawn target: a GeoJSON Polygon, Feature or FeatureCollection (CRS84 unless it says). */
  @PostMapping(consumes = {MediaType.APPLICATION_JSON_VALUE, "application/geo+json"})
  DisplacementResult forDrawnArea(@RequestBody JsonNode geoJson, DisplacementQuery query,
      @RequestParam(defaultValue = "ring:500") String buffer, @RequestParam(defaultValue = "district") String control,
      DisclosurePolicy policy) {
    if (query.countSource() != CountSource.INCIDENTS) {
      throw new InvalidParameterException("source", "a drawn area is checked on the incidents: the registered-crime "
          + "table counts whole municipalities");
    }
    Geometry area = DrawnArea.read(geoJson, "target");
    StudyPeriod[] periods = query.periods(policy);
    return displacement.analyse(new DisplacementService.Request(List.of(), area, query.theme(categories),
        CountSource.INCIDENTS, periods[0], periods[1], buffer(buffer), control(control)), policy);
  }

  @GetMapping("/overview")
  DisplacementOverview overview(DisplacementQuery query, DisclosurePolicy policy) {
    StudyPeriod[] periods = query.periods(policy);
    return displacement.overview(query.theme(categories), query.countSource(), periods[0], periods[1], policy);
  }

  private static Buffer buffer(String value) {
    String text = value.strip().toLowerCase(Locale.ROOT);
    if (text.equals("contiguity")) {
      return Buffer.CONTIGUITY;
    }
    if (text.startsWith("ring:")) {
      try {
        return new Buffer(Double.parseDouble(text.substring(5)));
      } catch (NumberFormatException e) {
        // fall through to the message below
      }
    }
    throw new InvalidParameterException("buffer", "buffer must be contiguity or ring:<metres>, e.g. ring:500");
  }

  private static Control control(String value) {
    String text = value.strip();
    if (text.equalsIgnoreCase("district")) {
      return Control.DISTRICT;
    }
    if (text.equalsIgnoreCase("unit")) {
      return new Control(true, List.of());
    }
    return new Control(false, list(List.of(text)));
  }

  private static List<String> list(List<String> values) {
    return values == null ? List.of() : values.stream().flatMap(v -> List.of(v.split(",")).stream())
        .map(String::strip).filter(v -> !v.isEmpty()).toList();
  }
}
