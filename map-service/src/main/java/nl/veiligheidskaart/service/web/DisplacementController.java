package nl.veiligheidskaart.service.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.geodata.crs.CrsTransform;
import nl.veiligheidskaart.geodata.io.GeoJsonGeometries;
import nl.veiligheidskaart.service.api.DisplacementOverview;
import nl.veiligheidskaart.service.api.DisplacementResult;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.config.IncidentCategories;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.service.displacement.DisplacementService.Buffer;
import nl.veiligheidskaart.service.displacement.DisplacementService.Control;
import nl.veiligheidskaart.service.displacement.DisplacementService;
import nl.veiligheidskaart.service.displacement.StudyPeriod;
import nl.veiligheidskaart.service.store.CountSource;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
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
  DisplacementResult forMunicipalities(@RequestParam(required = false) List<String> target,
      @RequestParam(required = false) String category, @RequestParam(defaultValue = "incidents") String source,
      @RequestParam(required = false) String interventionDate, @RequestParam(required = false) String window,
      @RequestParam(required = false) String before, @RequestParam(required = false) String after,
      @RequestParam(defaultValue = "contiguity") String buffer, @RequestParam(defaultValue = "district") String control,
      DisclosurePolicy policy) {
    List<String> targets = list(target);
    CountSource dataSource = source(source);
    StudyPeriod[] periods = periods(interventionDate, window, before, after, policy);
    return displacement.analyse(new DisplacementService.Request(targets, null, category(category, dataSource),
        dataSource, periods[0], periods[1], buffer(buffer), control(control)), policy);
  }

  /** The same check for a drawn target: a GeoJSON Polygon, Feature or FeatureCollection (CRS84 unless it says). */
  @PostMapping(consumes = {MediaType.APPLICATION_JSON_VALUE, "application/geo+json"})
  DisplacementResult forDrawnArea(@RequestBody JsonNode geoJson, @RequestParam(required = false) String category,
      @RequestParam(required = false) String interventionDate, @RequestParam(required = false) String window,
      @RequestParam(required = false) String before, @RequestParam(required = false) String after,
      @RequestParam(defaultValue = "ring:500") String buffer, @RequestParam(defaultValue = "district") String control,
      DisclosurePolicy policy) {
    Geometry area = drawnArea(geoJson);
    StudyPeriod[] periods = periods(interventionDate, window, before, after, policy);
    return displacement.analyse(new DisplacementService.Request(List.of(), area,
        category(category, CountSource.INCIDENTS), CountSource.INCIDENTS, periods[0], periods[1], buffer(buffer),
        control(control)), policy);
  }

  @GetMapping("/overview")
  DisplacementOverview overview(@RequestParam(required = false) String category,
      @RequestParam(defaultValue = "incidents") String source,
      @RequestParam(required = false) String interventionDate, @RequestParam(required = false) String window,
      @RequestParam(required = false) String before, @RequestParam(required = false) String after,
      DisclosurePolicy policy) {
    CountSource dataSource = source(source);
    StudyPeriod[] periods = periods(interventionDate, window, before, after, policy);
    return displacement.overview(category(category, dataSource), dataSource, periods[0], periods[1], policy);
  }

  private String category(String value, CountSource source) {
    if (value == null || value.isBlank()) {
      throw new InvalidParameterException("category", "give the category to check, e.g. woninginbraak, or for area "
          + "statistics its code, e.g. 1.1.1");
    }
    if (source == CountSource.STATISTICS) {
      return value.strip();
    }
    return categories.parse(List.of(value), "category").get(0);
  }

  private static CountSource source(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "incidents" -> CountSource.INCIDENTS;
      case "statistics" -> CountSource.STATISTICS;
      default -> throw new InvalidParameterException("source", "source must be incidents or statistics");
    };
  }

  /**
   * Either an intervention date with a window each side (default one year), or before and after
   * periods; for the reader's policy in whole months, the intervention's rule named by its own parameters.
   */
  static StudyPeriod[] periods(String interventionDate, String window, String before, String after,
      DisclosurePolicy policy) {
    StudyPeriod[] periods = periods(interventionDate, window, before, after);
    if (interventionDate != null && !interventionDate.isBlank()) {
      policy.requirePeriodBoundary("interventionDate", periods[1].from());
      policy.requirePeriodBoundary("window", periods[0].from());
      policy.requirePeriodBoundary("window", periods[1].to());
    }
    return periods;
  }

  static StudyPeriod[] periods(String interventionDate, String window, String before, String after) {
    boolean byDate = interventionDate != null && !interventionDate.isBlank();
    boolean byPeriods = before != null || after != null;
    if (byDate == byPeriods) {
      throw new InvalidParameterException(byDate ? "before" : "interventionDate", "give either interventionDate "
          + "(with window, default P1Y) or before and after, not " + (byDate ? "both" : "neither"));
    }
    if (byDate) {
      LocalDate date;
      Period each;
      try {
        date = LocalDate.parse(interventionDate.strip());
      } catch (DateTimeException e) {
        throw new InvalidParameterException("interventionDate", "'" + interventionDate + "' is not a date (YYYY-MM-DD)");
      }
      try {
        each = window == null || window.isBlank() ? Period.ofYears(1) : Period.parse(window.strip());
      } catch (DateTimeException e) {
        throw new InvalidParameterException("window", "'" + window + "' is not a period such as P1Y, P6M or P12W");
      }
      if (each.isNegative() || each.isZero()) {
        throw new InvalidParameterException("window", "the window must be longer than zero");
      }
      return StudyPeriod.around(date, each);
    }
    if (before == null || after == null) {
      throw new InvalidParameterException(before == null ? "before" : "after", "give both before and after");
    }
    StudyPeriod[] periods = {period("before", before), period("after", after)};
    if (periods[1].first().isBefore(periods[0].end())) {
      throw new InvalidParameterException("after", "the after period must start when the before period has ended");
    }
    return periods;
  }

  private static StudyPeriod period(String parameter, String value) {
    try {
      return StudyPeriod.parse(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException(parameter, e.getMessage());
    }
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

  /** A drawn area is a few dozen clicks; a generous bound keeps the overlay work small. */
  static final int MAX_DRAWN_VERTICES = 10_000;
  /** Where RD New is defined (EPSG:28992's area of use), in its metres. */
  private static final Envelope RD_NEW_DOMAIN = new Envelope(-7_000, 300_000, 289_000, 629_000);

  private static Geometry drawnArea(JsonNode geoJson) {
    JsonNode geometry = geoJson;
    String type = geoJson.path("type").asString("");
    if (type.equals("FeatureCollection")) {
      if (geoJson.path("features").size() != 1) {
        throw new InvalidParameterException("target", "send one polygon: the collection has "
            + geoJson.path("features").size() + " features");
      }
      geometry = geoJson.path("features").get(0).path("geometry");
    } else if (type.equals("Feature")) {
      geometry = geoJson.path("geometry");
    }
    Crs crs = Crs.WGS84;
    JsonNode crsName = geoJson.path("crs").path("properties").path("name");
    if (!crsName.isMissingNode()) {
      try {
        crs = Crs.parse(crsName.asString());
      } catch (IllegalArgumentException e) {
        throw new InvalidParameterException("target", e.getMessage());
      }
    }
    Geometry area;
    try {
      area = GeoJsonGeometries.read(geometry.toString());
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("target", "the body is not a GeoJSON polygon: " + e.getMessage());
    }
    if (!(area instanceof Polygonal) || area.isEmpty()) {
      throw new InvalidParameterException("target", "the target must be a valid Polygon or MultiPolygon");
    }
    if (area.getNumPoints() > MAX_DRAWN_VERTICES) {
      throw new InvalidParameterException("target", "the drawn area has " + area.getNumPoints()
          + " vertices; it may have " + MAX_DRAWN_VERTICES);
    }
    // Coordinates far outside any map (1e308) overflow the geometry arithmetic: refuse them first.
    if (!new Envelope(-1e7, 1e7, -1e7, 1e7).contains(area.getEnvelopeInternal()) || !area.isValid()) {
      throw new InvalidParameterException("target", "the target must be a valid Polygon or MultiPolygon");
    }
    area.setSRID(crs.epsg());
    Geometry inRdNew;
    try {
      inRdNew = CrsTransform.transform(area, crs, Crs.RD_NEW);
    } catch (RuntimeException outsideTheProjection) {
      inRdNew = null;
    }
    if (inRdNew == null || !RD_NEW_DOMAIN.contains(inRdNew.getEnvelopeInternal())) {
      throw new InvalidParameterException("target", "the drawn area lies outside the Netherlands (give CRS84 "
          + "longitude/latitude, or name the CRS in the crs member)");
    }
    return inRdNew;
  }
}
