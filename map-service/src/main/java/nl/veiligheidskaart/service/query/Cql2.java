package nl.veiligheidskaart.service.query;

import static nl.veiligheidskaart.service.config.Zones.NETHERLANDS;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.geodata.crs.CrsTransform;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.query.BboxArea;
import nl.veiligheidskaart.service.query.Condition.Operator;
import nl.veiligheidskaart.service.query.Queryables.Type;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import tools.jackson.databind.JsonNode;

/**
 * Reads CQL2 filters (OGC 21-065) in text and JSON encoding into a {@link Condition}: basic CQL2
 * (comparisons, AND, OR, NOT, IS NULL; strings, numbers, booleans, DATE and TIMESTAMP), S_INTERSECTS
 * with a geometry (WKT/GeoJSON or BBOX) and T_INTERSECTS with a date, timestamp or interval. Every
 * property is checked against the collection's queryables; any mistake is a 400 naming {@code filter}.
 */
public final class Cql2 {

  /** About 50 m: straight edges in degrees bend in RD New; followed closely enough for incident maps. */
  private static final double DENSIFY_DEGREES = 0.0005;
  private static final Set<String> GEOMETRY_TYPES = Set.of("POINT", "LINESTRING", "POLYGON", "MULTIPOINT",
      "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION");
  private static final Map<String, Operator> OPERATORS = Map.of("=", Operator.EQ, "<>", Operator.NE,
      "<", Operator.LT, "<=", Operator.LE, ">", Operator.GT, ">=", Operator.GE);

  private final Queryables queryables;
  private final Crs filterCrs;

  private Cql2(Queryables queryables, Crs filterCrs) {
    this.queryables = queryables;
    this.filterCrs = filterCrs;
  }

  /** A filter in CQL2 text, geometries in {@code filterCrs} (CRS84 or RD New). */
  public static Condition text(String filter, Queryables queryables, Crs filterCrs) {
    Cql2 reader = new Cql2(queryables, filterCrs);
    Text text = reader.new Text(filter);
    Condition condition = text.orExpression();
    text.skipSpace();
    if (text.position < filter.length()) {
      throw text.error("unexpected '" + filter.substring(text.position) + "'");
    }
    return condition;
  }

  /** A filter in CQL2 JSON. */
  public static Condition json(JsonNode filter, Queryables queryables, Crs filterCrs) {
    return new Cql2(queryables, filterCrs).fromJson(filter);
  }

  // ---- what both encodings build, checked against the queryables ----

  private Condition compare(String property, Operator operator, Object literal) {
    Type type = queryable(property);
    Object value = switch (type) {
      case STRING -> literal instanceof String ? literal : null;
      case NUMBER, INTEGER -> literal instanceof Number number ? number.doubleValue() : null;
      case BOOLEAN -> literal instanceof Boolean && (operator == Operator.EQ || operator == Operator.NE) ? literal
          : null;
      case DATE, DATE_TIME -> literal instanceof LocalDate || literal instanceof Instant ? literal : null;
      case GEOMETRY -> null;
    };
    if (value == null) {
      throw invalid("'" + property + "' is " + type.name().toLowerCase(Locale.ROOT).replace('_', '-')
          + " and cannot be compared with " + describe(literal) + " by " + operator);
    }
    return new Condition.Compare(property, operator, value);
  }

  private Condition during(String property, Instant[] interval) {
    Type type = queryable(property);
    if (type != Type.DATE && type != Type.DATE_TIME) {
      throw invalid("T_INTERSECTS needs a temporal property; '" + property + "' is not one");
    }
    return new Condition.During(property, interval[0], interval[1]);
  }

  /** S_INTERSECTS with a geometry in the filter CRS. */
  private Condition intersects(String property, Geometry geometry) {
    Geometry inFilterCrs = geometry.copy();
    inFilterCrs.setSRID(filterCrs.epsg());
    return intersectsArea(property, filterCrs == Crs.RD_NEW ? inFilterCrs
        : CrsTransform.transform(Densifier.densify(inFilterCrs, DENSIFY_DEGREES), filterCrs, Crs.RD_NEW));
  }

  /** S_INTERSECTS with a BBOX: the box followed exactly into RD New, as the bbox parameter is. */
  private Condition intersectsBox(String property, List<Double> numbers) {
    if (numbers.size() != 4 && numbers.size() != 6) {
      throw invalid("BBOX takes four or six numbers");
    }
    int half = numbers.size() / 2;
    double minX = numbers.get(0);
    double minY = numbers.get(1);
    double maxX = numbers.get(half);
    double maxY = numbers.get(half + 1);
    if (minY >= maxY || minX == maxX || (filterCrs != Crs.WGS84 && minX > maxX)) {
      throw invalid("the BBOX has no area or is inverted");
    }
    return intersectsArea(property, new BboxArea(minX, minY, maxX, maxY, filterCrs).inRdNew());
  }

  private Condition intersectsArea(String property, Geometry areaRdNew) {
    if (queryable(property) != Type.GEOMETRY) {
      throw invalid("S_INTERSECTS needs the geometry property '" + Queryables.GEOMETRY + "', not '" + property + "'");
    }
    return new Condition.Intersects(areaRdNew);
  }

  private Condition isNull(String property) {
    queryable(property);
    return new Condition.IsNull(property);
  }

  private Type queryable(String property) {
    Type type = queryables.type(property);
    if (type == null) {
      throw invalid("'" + property + "' is not a queryable of this collection; see its /queryables");
    }
    return type;
  }

  /** [start, end) of a DATE (its whole Dutch day) or a TIMESTAMP (one microsecond). */
  private static Instant[] instant(Object literal) {
    if (literal instanceof LocalDate date) {
      return new Instant[] {date.atStartOfDay(NETHERLANDS).toInstant(), date.plusDays(1).atStartOfDay(NETHERLANDS)
          .toInstant()};
    }
    Instant instant = (Instant) literal;
    return new Instant[] {instant, instant.plus(1, ChronoUnit.MICROS)};
  }

  private static Instant[] interval(String start, String end) {
    Instant from = start.equals("..") ? null : instant(temporal(start))[0];
    Instant to = end.equals("..") ? null : instant(temporal(end))[1];
    if (from != null && to != null && !to.isAfter(from)) {
      throw invalid("the interval ends before it starts");
    }
    return new Instant[] {from, to};
  }

  /** A date (10 characters) or an RFC 3339 date-time. */
  private static Object temporal(String text) {
    try {
      return text.length() == 10 ? LocalDate.parse(text) : OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeException e) {
      throw invalid("'" + text + "' is not a date or an RFC 3339 date-time");
    }
  }

  private static String describe(Object literal) {
    return literal instanceof String text ? "the text '" + text + "'" : String.valueOf(literal);
  }

  private static InvalidParameterException invalid(String reason) {
    return new InvalidParameterException("filter", "filter: " + reason);
  }

  // ---- CQL2 JSON ----

  private Condition fromJson(JsonNode node) {
    if (node == null || !node.isObject() || !node.has("op") || !node.get("args").isArray()) {
      throw invalid("a CQL2 JSON expression is an object with 'op' and 'args'");
    }
    String op = node.get("op").asString().toLowerCase(Locale.ROOT);
    JsonNode args = node.get("args");
    switch (op) {
      case "and", "or" -> {
        List<Condition> parts = new ArrayList<>();
        args.forEach(arg -> parts.add(fromJson(arg)));
        if (parts.size() < 2) {
          throw invalid("'" + op + "' takes two or more arguments");
        }
        return op.equals("and") ? new Condition.And(parts) : new Condition.Or(parts);
      }
      case "not" -> {
        return new Condition.Not(fromJson(args.get(0)));
      }
      case "isnull" -> {
        return isNull(jsonProperty(args.get(0)));
      }
      case "s_intersects" -> {
        return jsonSpatial(jsonProperty(args.get(0)), args.get(1));
      }
      case "t_intersects" -> {
        return during(jsonProperty(args.get(0)), jsonInterval(args.get(1)));
      }
      default -> {
        Operator operator = OPERATORS.get(op);
        if (operator == null || args.size() != 2) {
          throw invalid("unknown or unsupported operator '" + op + "'");
        }
        if (args.get(0).has("property")) {
          return compare(jsonProperty(args.get(0)), operator, jsonLiteral(args.get(1)));
        }
        return compare(jsonProperty(args.get(1)), flipped(operator), jsonLiteral(args.get(0)));
      }
    }
  }

  private static String jsonProperty(JsonNode node) {
    if (node == null || !node.has("property")) {
      throw invalid("expected a property, as {\"property\": \"name\"}");
    }
    return node.get("property").asString();
  }

  private static Object jsonLiteral(JsonNode node) {
    if (node == null) {
      throw invalid("a comparison takes two arguments");
    }
    if (node.isString()) {
      return node.asString();
    }
    if (node.isNumber()) {
      return node.asDouble();
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    if (node.has("date")) {
      return temporal(node.get("date").asString());
    }
    if (node.has("timestamp")) {
      return temporal(node.get("timestamp").asString());
    }
    throw invalid("unsupported literal " + node);
  }

  private static Instant[] jsonInterval(JsonNode node) {
    if (node != null && node.has("interval") && node.get("interval").size() == 2) {
      return interval(node.get("interval").get(0).asString(), node.get("interval").get(1).asString());
    }
    return instant(jsonLiteral(node));
  }

  private Condition jsonSpatial(String property, JsonNode node) {
    if (node != null && node.has("bbox")) {
      List<Double> numbers = new ArrayList<>();
      node.get("bbox").forEach(number -> numbers.add(number.asDouble()));
      return intersectsBox(property, numbers);
    }
    try {
      return intersects(property, new GeoJsonReader().read(String.valueOf(node)));
    } catch (ParseException | RuntimeException e) {
      throw invalid("not a GeoJSON geometry: " + node);
    }
  }

  private static Operator flipped(Operator operator) {
    return switch (operator) {
      case LT -> Operator.GT;
      case LE -> Operator.GE;
      case GT -> Operator.LT;
      case GE -> Operator.LE;
      default -> operator;
    };
  }

  // ---- CQL2 text ----

  /** A recursive-descent reader of CQL2 text over the string itself (geometry literals are read as WKT). */
  private final class Text {
    private final String text;
    private int position;

    Text(String text) {
      this.text = text;
    }

    Condition orExpression() {
      List<Condition> parts = new ArrayList<>(List.of(andExpression()));
      while (keyword("OR")) {
        parts.add(andExpression());
      }
      return parts.size() == 1 ? parts.get(0) : new Condition.Or(parts);
    }

    Condition andExpression() {
      List<Condition> parts = new ArrayList<>(List.of(notExpression()));
      while (keyword("AND")) {
        parts.add(notExpression());
      }
      return parts.size() == 1 ? parts.get(0) : new Condition.And(parts);
    }

    Condition notExpression() {
      return keyword("NOT") ? new Condition.Not(notExpression()) : primary();
    }

    Condition primary() {
      if (symbol("(")) {
        Condition inner = orExpression();
        expect(")");
        return inner;
      }
      if (keyword("S_INTERSECTS")) {
        expect("(");
        String property = property();
        expect(",");
        Condition spatial = spatial(property);
        expect(")");
        return spatial;
      }
      if (keyword("T_INTERSECTS")) {
        expect("(");
        String property = property();
        expect(",");
        Instant[] interval = temporalLiteral();
        expect(")");
        return during(property, interval);
      }
      skipSpace();
      boolean literalFirst = position < text.length() && (text.charAt(position) == '\'' || isNumberStart()
          || startsWithKeyword("TRUE") || startsWithKeyword("FALSE") || startsWithKeyword("DATE")
          || startsWithKeyword("TIMESTAMP"));
      if (literalFirst) {
        Object literal = literal();
        Operator operator = operator();
        return compare(property(), flipped(operator), literal);
      }
      String property = property();
      if (keyword("IS")) {
        boolean negated = keyword("NOT");
        if (!keyword("NULL")) {
          throw error("expected NULL after IS");
        }
        Condition isNull = isNull(property);
        return negated ? new Condition.Not(isNull) : isNull;
      }
      Operator operator = operator();
      return compare(property, operator, literal());
    }

    Operator operator() {
      skipSpace();
      for (String symbol : List.of("<>", "<=", ">=", "=", "<", ">")) {
        if (text.startsWith(symbol, position)) {
          position += symbol.length();
          return OPERATORS.get(symbol);
        }
      }
      throw error("expected a comparison operator (=, <>, <, <=, >, >=)");
    }

    String property() {
      skipSpace();
      if (position < text.length() && text.charAt(position) == '"') {
        int end = text.indexOf('"', position + 1);
        if (end < 0) {
          throw error("unclosed quoted property name");
        }
        String name = text.substring(position + 1, end);
        position = end + 1;
        return name;
      }
      int start = position;
      while (position < text.length() && (Character.isLetterOrDigit(text.charAt(position))
          || text.charAt(position) == '_' || text.charAt(position) == '.' || text.charAt(position) == ':')) {
        position++;
      }
      if (start == position) {
        throw error("expected a property name");
      }
      return text.substring(start, position);
    }

    Object literal() {
      skipSpace();
      if (position < text.length() && text.charAt(position) == '\'') {
        return string();
      }
      if (keyword("TRUE")) {
        return Boolean.TRUE;
      }
      if (keyword("FALSE")) {
        return Boolean.FALSE;
      }
      if (keyword("DATE") || keyword("TIMESTAMP")) {
        expect("(");
        Object value = temporal(string());
        expect(")");
        return value;
      }
      int start = position;
      while (position < text.length() && "+-.0123456789eE".indexOf(text.charAt(position)) >= 0) {
        position++;
      }
      try {
        double number = Double.parseDouble(text.substring(start, position));
        if (!Double.isFinite(number)) {
          throw error("numbers must be finite");
        }
        return number;
      } catch (NumberFormatException e) {
        position = start;
        throw error("expected a literal: a 'text', a number, TRUE, FALSE, DATE('…') or TIMESTAMP('…')");
      }
    }

    Instant[] temporalLiteral() {
      if (keyword("INTERVAL")) {
        expect("(");
        String start = string();
        expect(",");
        String end = string();
        expect(")");
        return interval(start, end);
      }
      Object literal = literal();
      if (!(literal instanceof LocalDate || literal instanceof Instant)) {
        throw error("expected DATE('…'), TIMESTAMP('…') or INTERVAL('…', '…')");
      }
      return instant(literal);
    }

    /** S_INTERSECTS with WKT (in the filter CRS) or BBOX(minx, miny, maxx, maxy). */
    Condition spatial(String property) {
      skipSpace();
      if (keyword("BBOX")) {
        expect("(");
        List<Double> numbers = new ArrayList<>();
        do {
          Object number = literal();
          if (!(number instanceof Double value)) {
            throw error("BBOX takes numbers");
          }
          numbers.add(value);
        } while (symbol(","));
        expect(")");
        return intersectsBox(property, numbers);
      }
      int start = position;
      while (position < text.length() && Character.isLetter(text.charAt(position))) {
        position++;
      }
      if (!GEOMETRY_TYPES.contains(text.substring(start, position).toUpperCase(Locale.ROOT))) {
        position = start;
        throw error("expected a WKT geometry or BBOX(…)");
      }
      int depth = 0;
      do {
        if (position >= text.length()) {
          throw error("unclosed geometry");
        }
        char c = text.charAt(position++);
        depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      } while (depth > 0 || text.charAt(position - 1) != ')');
      try {
        return intersects(property, new WKTReader(new GeometryFactory(new PrecisionModel(), filterCrs.epsg()))
            .read(text.substring(start, position)));
      } catch (ParseException e) {
        throw invalid("not a WKT geometry: " + e.getMessage());
      }
    }

    String string() {
      skipSpace();
      if (position >= text.length() || text.charAt(position) != '\'') {
        throw error("expected a 'quoted' text");
      }
      StringBuilder value = new StringBuilder();
      position++;
      while (true) {
        if (position >= text.length()) {
          throw error("unclosed text");
        }
        char c = text.charAt(position++);
        if (c == '\'') {
          if (position < text.length() && text.charAt(position) == '\'') {
            value.append('\'');
            position++;
          } else {
            return value.toString();
          }
        } else {
          value.append(c);
        }
      }
    }

    boolean keyword(String word) {
      skipSpace();
      if (startsWithKeyword(word)) {
        position += word.length();
        return true;
      }
      return false;
    }

    boolean startsWithKeyword(String word) {
      int end = position + word.length();
      return text.regionMatches(true, position, word, 0, word.length())
          && (end == text.length() || !(Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_'));
    }

    boolean isNumberStart() {
      char c = text.charAt(position);
      return Character.isDigit(c) || c == '-' || c == '+' || c == '.';
    }

    boolean symbol(String symbol) {
      skipSpace();
      if (text.startsWith(symbol, position)) {
        position += symbol.length();
        return true;
      }
      return false;
    }

    void expect(String symbol) {
      if (!symbol(symbol)) {
        throw error("expected '" + symbol + "'");
      }
    }

    void skipSpace() {
      while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
        position++;
      }
    }

    InvalidParameterException error(String reason) {
      return invalid(reason + " at position " + (position + 1));
    }
  }
}
