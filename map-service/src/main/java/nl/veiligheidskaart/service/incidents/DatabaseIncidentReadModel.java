package nl.veiligheidskaart.service.incidents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import javax.sql.DataSource;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.geodata.crs.CrsTransform;
import nl.veiligheidskaart.service.config.Zones;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The read model of the incidents asked of the database on every call (see {@link IncidentReadModel}
 * for when to choose it): plain SQL that H2GIS and PostGIS both run. Counting and grouping happen in
 * the database; what depends on Web Mercator (map extents, tile cells) is decided on coordinates
 * projected here as the in-memory index projects them ({@link IncidentMercator}), after the database
 * chose the candidates in RD New through its spatial index.
 */
@Component
@ConditionalOnProperty(name = "veiligheidskaart.incident-read-model", havingValue = "database")
public class DatabaseIncidentReadModel implements IncidentReadModel {

  /**
   * Web Mercator extents inside this box (longitude 2°–9° E, latitude 49°–55° N) are looked up
   * through an RD New envelope; RD New is undefined far beyond it, so larger extents (a world tile)
   * are checked point by point.
   */
  private static final Envelope RD_DOMAIN_MERCATOR = new Envelope(222_638, 1_001_875, 6_274_861, 7_361_866);
  /** Metres added to the RD New envelope of a Web Mercator extent: the projections bend its edges. */
  private static final double RD_MARGIN = 100;

  private final NamedParameterJdbcTemplate jdbc;

  DatabaseIncidentReadModel(DataSource dataSource) {
    this.jdbc = new NamedParameterJdbcTemplate(dataSource);
  }

  @Override
  public Map<String, Map<String, Long>> countsByMunicipalityAndCategory(IncidentQuery query) {
    Map<String, Map<String, Long>> counts = new HashMap<>();
    Where where = where(query, null, null);
    if (where.none()) {
      return counts;
    }
    jdbc.query("SELECT municipality_code, category, COUNT(*) AS n FROM incident" + where.sql()
        + " AND municipality_code IS NOT NULL GROUP BY municipality_code, category", where.parameters(),
        row -> {
          counts.computeIfAbsent(row.getString("municipality_code"), code -> new TreeMap<>())
              .put(row.getString("category"), row.getLong("n"));
        });
    return counts;
  }

  @Override
  public Map<String, Long> countsByMunicipality(IncidentQuery query) {
    Map<String, Long> counts = new HashMap<>();
    Where where = where(query, null, null);
    if (where.none()) {
      return counts;
    }
    jdbc.query("SELECT municipality_code, COUNT(*) AS n FROM incident" + where.sql()
        + " AND municipality_code IS NOT NULL GROUP BY municipality_code", where.parameters(),
        row -> {
          counts.put(row.getString("municipality_code"), row.getLong("n"));
        });
    return counts;
  }

  /** Months in Dutch time are counted here: the two databases name time zones and truncate dates differently. */
  @Override
  public Map<YearMonth, Long> countsByMonth(IncidentQuery query) {
    Map<YearMonth, Long> counts = new TreeMap<>();
    Where where = where(query, null, null);
    if (where.none()) {
      return counts;
    }
    jdbc.query("SELECT occurred_at FROM incident" + where.sql(), where.parameters(),
        row -> {
          counts.merge(YearMonth.from(instant(row, "occurred_at").atZone(Zones.NETHERLANDS)), 1L, Long::sum);
        });
    return counts;
  }

  @Override
  public int[] countCells(Crs crs, Envelope extent, IncidentQuery query, int side) {
    int[] counts = new int[side * side];
    if (extent.isNull()) {
      return counts;
    }
    CellRaster raster = new CellRaster(extent, side);
    Where where = where(query, crs, extent);
    if (where.none()) {
      return counts;
    }
    jdbc.query("SELECT ST_X(geometry) AS x, ST_Y(geometry) AS y FROM incident" + where.sql(), where.parameters(),
        row -> {
          Coordinate at = location(row, crs);
          int cell = raster.cell(at.x, at.y);
          if (cell >= 0) {
            counts[cell]++;
          }
        });
    return counts;
  }

  @Override
  public void forEachInExtent(Crs crs, Envelope extent, IncidentQuery query, Consumer<MapIncident> action) {
    Where where = where(query, crs, extent);
    if (extent.isNull() || where.none()) {
      return;
    }
    jdbc.query("SELECT source_id, category, occurred_at, demo, ST_X(geometry) AS x, ST_Y(geometry) AS y"
        + " FROM incident" + where.sql(), where.parameters(), row -> {
          Coordinate at = location(row, crs);
          if (extent.contains(at.x, at.y)) {
            action.accept(new MapIncident(row.getString("source_id"), row.getString("category"),
                instant(row, "occurred_at"), row.getBoolean("demo"), at.x, at.y));
          }
        });
  }

  /** Sorted here, not by the database: its collation of source ids need not be Java's. */
  @Override
  public IncidentLocations locations(IncidentQuery query) {
    record Row(String sourceId, long time, double x, double y) {
    }
    List<Row> rows = new ArrayList<>();
    Where where = where(query, null, null);
    if (!where.none()) {
      jdbc.query("SELECT source_id, occurred_at, ST_X(geometry) AS x, ST_Y(geometry) AS y FROM incident"
          + where.sql(), where.parameters(), row -> {
            rows.add(new Row(row.getString("source_id"), instant(row, "occurred_at").toEpochMilli(),
                row.getDouble("x"), row.getDouble("y")));
          });
    }
    rows.sort(Comparator.comparingLong(Row::time).thenComparing(Row::sourceId));
    double[] xs = new double[rows.size()];
    double[] ys = new double[rows.size()];
    long[] times = new long[rows.size()];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = rows.get(i).x();
      ys[i] = rows.get(i).y();
      times[i] = rows.get(i).time();
    }
    return new IncidentLocations(xs, ys, times);
  }

  @Override
  public IncidentTimeWindows timeWindows(IncidentQuery query) {
    List<long[]> windows = new ArrayList<>();
    Where where = where(query, null, null);
    if (!where.none()) {
      jdbc.query("SELECT occurred_at, occurred_at_has_time, occurred_to FROM incident" + where.sql(),
          where.parameters(), row -> {
            Instant at = instant(row, "occurred_at");
            Instant to = row.getObject("occurred_to") == null ? null : instant(row, "occurred_to");
            windows.add(new long[] {at.toEpochMilli(),
                IncidentTimeWindows.end(at, row.getBoolean("occurred_at_has_time"), to)});
          });
    }
    return IncidentTimeWindows.sorted(windows.stream().mapToLong(w -> w[0]).toArray(),
        windows.stream().mapToLong(w -> w[1]).toArray());
  }

  @Override
  public Optional<TimeSpan> timeSpan() {
    return jdbc.query("SELECT MIN(occurred_at) AS first, MAX(occurred_at) AS last FROM incident", row -> {
      row.next();
      return row.getObject("first") == null ? Optional.<TimeSpan>empty()
          : Optional.of(new TimeSpan(instant(row, "first"), instant(row, "last")));
    });
  }

  @Override
  public boolean containsDemo() {
    return !jdbc.queryForList("SELECT 1 FROM incident WHERE demo = TRUE LIMIT 1", Map.of(), Integer.class)
        .isEmpty();
  }

  /** A WHERE clause and its parameters; {@code none} when the query can select nothing. */
  private record Where(String sql, MapSqlParameterSource parameters, boolean none) {
  }

  /** The SQL of a query; with an extent in a map CRS, also the RD New box that holds it. */
  private static Where where(IncidentQuery query, Crs crs, Envelope extent) {
    StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
    MapSqlParameterSource parameters = new MapSqlParameterSource();
    if (!query.categories().isEmpty()) {
      sql.append(" AND category IN (:categories)");
      parameters.addValue("categories", query.categories());
    }
    if (query.from() != null) {
      sql.append(" AND occurred_at >= :from");
      parameters.addValue("from", OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC));
    }
    if (query.to() != null) {
      sql.append(" AND occurred_at < :to");
      parameters.addValue("to", OffsetDateTime.ofInstant(query.to(), ZoneOffset.UTC));
    }
    if (query.municipalities() != null && !query.municipalities().isEmpty()) {
      sql.append(" AND municipality_code IN (:municipalities)");
      parameters.addValue("municipalities", List.copyOf(query.municipalities()));
    }
    Envelope rd = extent == null || extent.isNull() ? null : crs == Crs.RD_NEW ? extent
        : RD_DOMAIN_MERCATOR.contains(extent) ? rdEnvelope(extent) : null;
    if (rd != null) {
      sql.append(" AND ST_Intersects(geometry, ST_MakeEnvelope(:minX, :minY, :maxX, :maxY, 28992))");
      parameters.addValue("minX", rd.getMinX()).addValue("minY", rd.getMinY())
          .addValue("maxX", rd.getMaxX()).addValue("maxY", rd.getMaxY());
    }
    boolean none = query.municipalities() != null && query.municipalities().isEmpty();
    return new Where(sql.toString(), parameters, none);
  }

  /** An RD New envelope holding a Web Mercator one: its edges projected at 17 points each, widened by a margin. */
  private static Envelope rdEnvelope(Envelope mercator) {
    Envelope rd = new Envelope();
    for (int step = 0; step <= 16; step++) {
      double x = mercator.getMinX() + mercator.getWidth() * step / 16;
      double y = mercator.getMinY() + mercator.getHeight() * step / 16;
      for (Coordinate corner : List.of(new Coordinate(x, mercator.getMinY()), new Coordinate(x, mercator.getMaxY()),
          new Coordinate(mercator.getMinX(), y), new Coordinate(mercator.getMaxX(), y))) {
        rd.expandToInclude(CrsTransform.transform(corner, Crs.WEB_MERCATOR, Crs.RD_NEW));
      }
    }
    rd.expandBy(RD_MARGIN);
    return rd;
  }

  /** A stored (RD New) location in a map CRS; in Web Mercator as the in-memory index holds it ({@link IncidentMercator}). */
  private static Coordinate location(ResultSet row, Crs crs) throws SQLException {
    Coordinate rd = new Coordinate(row.getDouble("x"), row.getDouble("y"));
    if (crs == Crs.RD_NEW) {
      return rd;
    }
    if (crs != Crs.WEB_MERCATOR) {
      throw new IllegalArgumentException("incidents are located in RD New and Web Mercator, not " + crs);
    }
    return IncidentMercator.of(rd.x, rd.y);
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    return row.getObject(column, OffsetDateTime.class).toInstant();
  }
}
