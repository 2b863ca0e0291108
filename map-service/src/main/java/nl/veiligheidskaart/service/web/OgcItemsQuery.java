package nl.veiligheidskaart.service.web;

import static nl.veiligheidskaart.service.config.Zones.NETHERLANDS;

import jakarta.servlet.http.HttpServletRequest;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.features.FeatureCollections.Description;
import nl.veiligheidskaart.service.query.BboxArea;
import nl.veiligheidskaart.service.query.Condition;
import nl.veiligheidskaart.service.query.Cql2;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The query parameters of an OGC API - Features items request (Parts 1 to 3): {@code bbox} with
 * {@code bbox-crs}, {@code datetime}, {@code limit}, {@code offset}, {@code crs} and {@code filter}
 * with {@code filter-lang} and {@code filter-crs}. Read from the request rather than bound by Spring,
 * because the standard wants unknown parameters refused and a parameter given twice noticed.
 */
record OgcItemsQuery(String bbox, String bboxCrs, String datetime, String limit, String offset, String crs,
    String filter, String filterLang, String filterCrs) {

  static final int DEFAULT_LIMIT = 10;
  static final int MAX_LIMIT = 10_000;
  static final Set<String> PARAMETERS = Set.of("bbox", "bbox-crs", "datetime", "limit", "offset", "crs",
      "filter", "filter-lang", "filter-crs", "f");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The parameters of a request; 400 naming the first unknown parameter or one given twice with different values. */
  static OgcItemsQuery of(HttpServletRequest request) {
    request.getParameterMap().keySet().stream().filter(name -> !PARAMETERS.contains(name)).findFirst()
        .ifPresent(name -> {
          throw new InvalidParameterException(name, "unknown parameter '" + name + "'; items take "
              + String.join(", ", PARAMETERS));
        });
    return new OgcItemsQuery(once(request, "bbox"), once(request, "bbox-crs"), once(request, "datetime"),
        once(request, "limit"), once(request, "offset"), once(request, "crs"), once(request, "filter"),
        once(request, "filter-lang"), once(request, "filter-crs"));
  }

  /** The CRS of the answer. */
  Crs outputCrs() {
    return listedCrs("crs", crs);
  }

  /** Features per page: {@value #DEFAULT_LIMIT} by default; above {@value #MAX_LIMIT} capped, as OGC allows. */
  int pageSize() {
    return bounded("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
  }

  /** Features to skip. */
  int start() {
    return bounded("offset", offset, 0, 0, Integer.MAX_VALUE);
  }

  /** The period [from, to), either end null when open. */
  Instant[] period() {
    return parseDatetime(datetime);
  }

  /** The bbox, or null. */
  BboxArea area() {
    return parseBbox(bbox, bboxCrs);
  }

  /** The filter on a collection's queryables, or null. */
  Condition condition(Description collection) {
    return parseFilter(collection, filter, filterLang, filterCrs);
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
    throw new InvalidParameterException(parameter, "the collections are served in " + Crs.WGS84.uri() + " and "
        + Crs.RD_NEW.uri() + ", not in '" + value + "'");
  }

  /**
   * bbox as minx,miny,maxx,maxy (or minx,miny,minz,maxx,maxy,maxz, heights ignored: the data is 2D)
   * in bbox-crs, CRS84 by default; null when not given.
   */
  private static BboxArea parseBbox(String value, String bboxCrs) {
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

  /** An instant, a date, or an interval start/end with ".." for open; both ends included as OGC says. */
  private static Instant[] parseDatetime(String value) {
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

  /** The filter parameter (Part 3) as a condition on the collection's queryables; null when not given. */
  private static Condition parseFilter(Description collection, String filter, String language,
      String filterCrs) {
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
}
