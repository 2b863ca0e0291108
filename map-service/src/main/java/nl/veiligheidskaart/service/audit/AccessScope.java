package nl.veiligheidskaart.service.audit;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The area and period a request asks for, read from its path and query parameters as the API
 * names them. Pure, so that the audit trail describes every endpoint the same way.
 */
final class AccessScope {

  /** Path variables that name an area: a municipality, a district, a briefing's district. */
  private static final Pattern AREA_IN_PATH =
      Pattern.compile("/api/v1/(?:municipalities|districts|briefings)/([^/]+)(?:/.*)?");
  private static final Pattern TILE = Pattern.compile("/api/v1/tiles/[^/]+/(\\d+)/(\\d+)/(\\d+)(?:@2x)?\\.\\w+");
  /** An OGC API - Tiles tile: tile matrix set, level, row, column. */
  private static final Pattern OGC_TILE = Pattern.compile(
      "/ogc/(?:collections|layers)/[^/]+(?:/map)?/tiles/([^/]+)/(\\d+)/(\\d+)/(\\d+)");
  /** Query parameters that name an area, the most specific first. */
  private static final List<String> AREA_PARAMETERS = List.of("area", "municipality", "district", "target", "bbox");

  private AccessScope() {
  }

  /** The area, or null when the request covers the whole region. */
  static String area(String path, Map<String, String[]> parameters) {
    Matcher tile = TILE.matcher(path);
    if (tile.matches()) {
      return "tile " + tile.group(1) + "/" + tile.group(2) + "/" + tile.group(3);
    }
    Matcher ogcTile = OGC_TILE.matcher(path);
    if (ogcTile.matches()) {
      return "tile " + ogcTile.group(1) + "/" + ogcTile.group(2) + "/" + ogcTile.group(3) + "/" + ogcTile.group(4);
    }
    Matcher named = AREA_IN_PATH.matcher(path);
    if (named.matches()) {
      return named.group(1);
    }
    for (String name : AREA_PARAMETERS) {
      String value = first(parameters, name);
      if (value != null) {
        return name.equals("bbox") ? "bbox " + value : value;
      }
    }
    return null;
  }

  /**
   * The period as an ISO 8601 interval with {@code ..} for an open end, or as the request gives
   * it (a year, a quarter, an OGC datetime, the before and after of a waterbed check); null for all time.
   */
  static String period(Map<String, String[]> parameters) {
    String from = first(parameters, "from");
    String to = first(parameters, "to");
    if (from != null || to != null) {
      return interval(from, to);
    }
    for (String name : List.of("period", "datetime")) {
      String value = first(parameters, name);
      if (value != null) {
        return value;
      }
    }
    String intervention = first(parameters, "interventionDate");
    if (intervention != null) {
      return "intervention " + intervention;
    }
    String before = first(parameters, "before");
    String after = first(parameters, "after");
    if (before != null || after != null) {
      return "before " + (before == null ? "?" : before) + ", after " + (after == null ? "?" : after);
    }
    return null;
  }

  /** An ISO 8601 interval; null when both ends are open. */
  static String interval(String from, String to) {
    boolean open = (from == null || from.isBlank()) && (to == null || to.isBlank());
    return open ? null : (from == null || from.isBlank() ? ".." : from.strip()) + "/"
        + (to == null || to.isBlank() ? ".." : to.strip());
  }

  /**
   * The query string's parameters. Read from the request line only: the servlet's own parameter
   * map may parse a form or multipart body, and fail on one that was refused for its size.
   */
  static Map<String, String[]> query(String queryString) {
    Map<String, String[]> parameters = new LinkedHashMap<>();
    if (queryString == null || queryString.isEmpty()) {
      return parameters;
    }
    for (String pair : queryString.split("&")) {
      String[] nameAndValue = pair.split("=", 2);
      String name = decode(nameAndValue[0]);
      String value = nameAndValue.length > 1 ? decode(nameAndValue[1]) : "";
      parameters.merge(name, new String[] {value}, (old, added) -> {
        String[] both = Arrays.copyOf(old, old.length + 1);
        both[old.length] = added[0];
        return both;
      });
    }
    return parameters;
  }

  /** URL-decoded; a malformed escape (a hostile URL) is kept as it came. */
  static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return text;
    }
  }

  private static String first(Map<String, String[]> parameters, String name) {
    String[] values = parameters.get(name);
    if (values == null || values.length == 0 || values[0].isBlank()) {
      return null;
    }
    return values[0].strip();
  }
}
