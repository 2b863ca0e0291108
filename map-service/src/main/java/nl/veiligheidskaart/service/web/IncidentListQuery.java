package nl.veiligheidskaart.service.web;

import java.util.List;
import java.util.Locale;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.geodata.reference.ReferenceGeography;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.config.IncidentCategories;
import nl.veiligheidskaart.service.store.IncidentFilter;
import org.springdoc.core.annotations.ParameterObject;

/**
 * The query parameters of the raw incident list ({@code /api/v1/incidents}): themes, period and
 * municipality, the page ({@code limit}, {@code offset}), the output CRS and the format (GeoJSON or
 * CSV in import format v1). Checked here, once.
 */
@ParameterObject
record IncidentListQuery(List<String> category, String from, String to, String municipality, Integer limit,
    Integer offset, String crs, String format) {

  static final int DEFAULT_LIMIT = 1_000;
  static final int MAX_LIMIT = 10_000;

  /** The incidents asked for; {@code to} must lie after {@code from}. */
  IncidentFilter filter(IncidentCategories categories, ReferenceGeography reference) {
    IncidentFilter filter = new IncidentFilter(categories.parse(category, "category"),
        DateParameter.instant("from", from), DateParameter.instant("to", to), municipalities(reference));
    if (filter.from() != null && filter.to() != null && !filter.to().isAfter(filter.from())) {
      throw new InvalidParameterException("to", "to (" + to + ") must lie after from (" + from + ")");
    }
    return filter;
  }

  /** Incidents per page: {@value #DEFAULT_LIMIT} by default, at most {@value #MAX_LIMIT}. */
  int pageSize() {
    return bounded("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
  }

  /** Incidents to skip. */
  int start() {
    return bounded("offset", offset, 0, 0, Integer.MAX_VALUE);
  }

  Crs outputCrs() {
    return CrsParameter.parse(crs);
  }

  /** CSV when {@code format=csv}, or without a format when the client accepts {@code text/csv}. */
  boolean wantsCsv(String accept) {
    if (format != null) {
      return switch (format.toLowerCase(Locale.ROOT)) {
        case "csv" -> true;
        case "geojson", "json" -> false;
        default -> throw new InvalidParameterException("format", "format must be csv or geojson, not '" + format + "'");
      };
    }
    return accept != null && accept.contains("text/csv");
  }

  private List<String> municipalities(ReferenceGeography reference) {
    if (municipality == null || municipality.isBlank()) {
      return List.of();
    }
    return List.of(reference.municipality(municipality).orElseThrow(() -> new InvalidParameterException(
        "municipality", "'" + municipality + "' is not a municipality of Oost-Nederland")).code());
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
