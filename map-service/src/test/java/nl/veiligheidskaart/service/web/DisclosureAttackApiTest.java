package nl.veiligheidskaart.service.web;

import static nl.veiligheidskaart.service.config.Zones.NETHERLANDS;
import static nl.veiligheidskaart.service.web.ApiClient.json;
import static nl.veiligheidskaart.service.web.ApiClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import nl.veiligheidskaart.tiles.geo.TileCoordinate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.databind.JsonNode;

/**
 * Attacks the disclosure policy as a determined municipality and board member would, on the demo
 * data (60 000 incidents, most cells of municipality × theme × month below the minimum count):
 * the probes that once leaked single incidents, then a differencing search over theme subsets,
 * overlapping periods, tiles at neighbouring zooms, neighbour sets and drawn areas. Each answer is
 * read as an attacker who knows the rules would read it (a shown count v rounded to base 5 means
 * v − 2 … v + 2, at least the minimum; a suppressed one 0 to minimum − 1), and every way of
 * combining answers into a suppressed count must leave more than one value possible. The exact
 * counts come from the analyst's answers. With the rounding switched off (base 1) the same search
 * recovers hundreds of suppressed counts: the test is an attack, not a restatement of the rules.
 */
class DisclosureAttackApiTest extends DemoServiceApiTest {

  static final int MINIMUM = 10;
  static final List<String> THEMES = List.of("woninginbraak", "jeugdoverlast", "verward-gedrag",
      "jeugd-ondermijning", "hennep", "synthetische-drugs", "omg", "vakantieparken", "witwassen", "ondermijning",
      "cybercrime");
  /** Apeldoorn, with its neighbours the scope of the municipal account. */
  static final String OWN = "GM0200";
  static final List<String> ATTACKED = List.of("GM0200", "GM0150", "GM0301", "GM0262");

  ApiClient analyst;
  ApiClient board;
  ApiClient municipality;
  /** Every answer the attackers got, for the sweep over shown counts. */
  final List<JsonNode> answers = new ArrayList<>();

  @BeforeEach
  void signIn() {
    analyst = ApiClient.signedIn("http://localhost:" + port, DATA_DIR, "analist");
    ApiClient admin = ApiClient.signedIn("http://localhost:" + port, DATA_DIR, "beheer");
    board = admin.account("bbg-lid", "BBG", null);
    municipality = admin.account("gm-apeldoorn", "MUNICIPALITY", OWN);
    roundingBase = json(board.get("/api/v1/viewer-config")).get("countsRoundedTo").asInt();
    assertThat(json(municipality.get("/api/v1/viewer-config")).get("countsRoundedTo").asInt()).isEqualTo(roundingBase);
  }

  /**
   * The rounding base the service tells non-analysts it uses (viewer-config {@code countsRoundedTo}):
   * the attacker reads every answer with it.
   */
  static int roundingBase;

  /** What an attacker who knows the rules can be sure of about a count. */
  record Interval(long lo, long hi) {

    static final Interval SUPPRESSED = new Interval(0, MINIMUM - 1);

    /** A count as released: null (suppressed or absent) or a multiple of the base rounded half up. */
    static Interval released(Long shown) {
      int below = roundingBase / 2;
      int above = (roundingBase - 1) / 2;
      return shown == null ? SUPPRESSED : new Interval(Math.max(MINIMUM, shown - below), shown + above);
    }

    static Interval released(JsonNode shown) {
      return released(shown == null || shown.isNull() ? null : shown.asLong());
    }

    Interval plus(Interval other) {
      return new Interval(lo + other.lo, hi + other.hi);
    }

    Interval minus(Interval other) {
      return new Interval(lo - other.hi, hi - other.lo);
    }

    Interval and(Interval other) {
      return new Interval(Math.max(lo, other.lo), Math.min(hi, other.hi));
    }

    boolean contains(long value) {
      return lo <= value && value <= hi;
    }
  }

  /** The outcome of an attack: how many secrets it tried, and which it pinned down. */
  static final class Findings {
    int tried;
    final List<String> recovered = new ArrayList<>();

    /** @param secret the exact count; only counts from 1 to minimum − 1 are secrets */
    void check(String what, long secret, Interval deduced) {
      if (secret < 1 || secret >= MINIMUM) {
        return;
      }
      tried++;
      assertThat(deduced.contains(secret)).as("the attacker's reading of %s must hold (%s, exact %d)", what,
          deduced, secret).isTrue();
      if (deduced.lo() == deduced.hi()) {
        recovered.add(what + " = " + secret);
      }
    }
  }

  // --- the probes that once worked

  @Test
  void theProbesThatOnceLeakedSingleIncidentsAreRefusedOrSuppressed() {
    // 1. the waterbed overview for a rare theme and one month: counts 0–4 per municipality
    JsonNode overview = answer(board.get("/api/v1/analysis/displacement/overview?category=omg"
        + "&interventionDate=2025-06-01&window=P1M"));
    assertThat(overview.get("municipalities")).hasSize(76);
    for (JsonNode row : overview.get("municipalities")) {
      assertThat(row.get("before").isNull()).as(row.toString()).isTrue();
      assertThat(row.get("withheld").asBoolean()).isTrue();
      assertThat(row.get("wdd").isNull()).isTrue();
    }

    // 2. a drawn area of 20 × 20 m around one address, one day before and after
    String square = "{\"type\":\"Polygon\",\"coordinates\":[[[5.9690,52.2110],[5.9693,52.2110],[5.9693,52.2112],"
        + "[5.9690,52.2112],[5.9690,52.2110]]]}";
    JsonNode tooSmall = problem(municipality.postRaw("/api/v1/analysis/displacement?category=verward-gedrag"
        + "&interventionDate=2026-03-01&window=P1M", "application/json", square.getBytes(StandardCharsets.UTF_8)),
        400);
    assertThat(tooSmall.toString()).contains("target").contains("km²");
    JsonNode oneDay = problem(municipality.get("/api/v1/analysis/displacement?target=GM0200&category=omg"
        + "&interventionDate=2026-03-05&window=P1D"), 400);
    assertThat(oneDay.get("invalidParams").get(0).get("name").asString()).isEqualTo("interventionDate");
    JsonNode oneDayWindow = problem(municipality.get("/api/v1/analysis/displacement?target=GM0200&category=omg"
        + "&interventionDate=2026-03-01&window=P1D"), 400);
    assertThat(oneDayWindow.get("invalidParams").get(0).get("name").asString()).isEqualTo("window");

    // 3. differencing through free times: 22:54 against 22:56
    JsonNode byMinute = problem(municipality.get("/api/v1/municipalities/GM0200/figures?from="
        + encode("2026-03-01T22:54:00+01:00") + "&to=2026-06-01"), 400);
    assertThat(byMinute.get("invalidParams").get(0).get("name").asString()).isEqualTo("from");
    assertThat(byMinute.get("detail").asString()).contains("whole calendar months");
    problem(board.get("/api/v1/municipalities/GM0200/figures?from=2026-03-01&to=2026-03-15"), 400);
    problem(board.get("/api/v1/tiles/municipalities/8/132/84.mvt?from=2026-03-02"), 400);
    // analysts keep any period
    assertThat(analyst.get("/api/v1/municipalities/GM0200/figures?from=" + encode("2026-03-01T22:54:00+01:00")
        + "&to=2026-03-15").statusCode()).isEqualTo(200);
  }

  // --- rates per 1,000 inhabitants

  @Test
  void aRateRevealsNoMoreThanTheCountAsShown() {
    YearMonth current = YearMonth.now(NETHERLANDS);
    int suppressedWithRate = 0;
    int suppressed = 0;
    for (String code : List.of(OWN, "GM0285")) {
      for (int back = 1; back <= 12; back++) {
        YearMonth month = current.minusMonths(back);
        String query = figures(code, THEMES) + "&from=" + month.atDay(1) + "&to=" + month.plusMonths(1).atDay(1);
        JsonNode shown = answer(municipality.get(query));
        JsonNode exact = json(analyst.get(query));
        long population = shown.get("population").asLong();
        assertThat(shown.get("populationYear").asInt()).isEqualTo(exact.get("populationYear").asInt());
        assertThat(population).isEqualTo(exact.get("population").asLong()).isPositive();
        for (int c = 0; c < THEMES.size(); c++) {
          JsonNode category = shown.get("categories").get(c);
          JsonNode analysts = exact.get("categories").get(c);
          if (category.get("count").isNull()) {
            suppressed++;
            assertThat(category.get("ratePer1000").isNull()).as("%s %s %s", code, month, category).isTrue();
            suppressedWithRate += analysts.get("count").asLong() > 0 ? 1 : 0;
          } else {
            // the rate is the shown (rounded) count over the population: inverting it gives nothing more
            assertThat(category.get("ratePer1000").asDouble())
                .isEqualTo(1000.0 * category.get("count").asLong() / population);
          }
          assertThat(analysts.get("ratePer1000").asDouble())
              .isEqualTo(1000.0 * analysts.get("count").asLong() / population);
        }
      }
    }
    // the attack did reach counts that exist but are suppressed, whose rate analysts do get
    assertThat(suppressed).isGreaterThan(50);
    assertThat(suppressedWithRate).isGreaterThan(10);
  }

  // --- the differencing search

  @Test
  void themeSubsetsAndTheirTotalsRecoverNoSuppressedCount() {
    for (ApiClient attacker : List.of(municipality, board)) {
      Findings findings = new Findings();
      for (String code : attacker == municipality ? List.of(OWN, "GM0285") : ATTACKED) {
        long[][] exact = new long[THEMES.size()][];
        Interval[][] single = new Interval[THEMES.size()][];
        Interval[][] allButOne = new Interval[THEMES.size()][];
        for (int t = 0; t < THEMES.size(); t++) {
          exact[t] = exactMonths(analyst, code, List.of(THEMES.get(t)));
          single[t] = months(attacker, code, List.of(THEMES.get(t)));
          List<String> rest = new ArrayList<>(THEMES);
          rest.remove(t);
          allButOne[t] = months(attacker, code, rest);
        }
        Interval[] all = months(attacker, code, List.of());
        for (int t = 0; t < THEMES.size(); t++) {
          for (int m = 0; m < all.length; m++) {
            Interval others = new Interval(0, 0);
            for (int u = 0; u < THEMES.size(); u++) {
              others = u == t ? others : others.plus(single[u][m]);
            }
            Interval deduced = single[t][m].and(all[m].minus(allButOne[t][m])).and(all[m].minus(others));
            for (int u = 0; u < THEMES.size(); u++) {
              if (u != t) {
                // all but u, less the others but t and u
                Interval rest = new Interval(0, 0);
                for (int v = 0; v < THEMES.size(); v++) {
                  rest = v == t || v == u ? rest : rest.plus(single[v][m]);
                }
                deduced = deduced.and(allButOne[u][m].minus(rest));
              }
            }
            findings.check(code + " " + THEMES.get(t) + " month " + m, exact[t][m], deduced);
          }
        }
      }
      assertThat(findings.tried).as("suppressed counts attacked").isGreaterThan(200);
      assertThat(findings.recovered).as("counts recovered by theme differencing").isEmpty();
    }
    assertNoSmallCountShown();
  }

  @Test
  void overlappingPeriodsRecoverNoSuppressedCount() {
    YearMonth last = YearMonth.now(NETHERLANDS).minusMonths(1);
    for (ApiClient attacker : List.of(municipality, board)) {
      Findings findings = new Findings();
      for (String code : List.of(OWN, "GM0285")) {
        for (String theme : List.of("woninginbraak", "verward-gedrag", "hennep")) {
          for (YearMonth month = last.minusMonths(14); month.isBefore(last); month = month.plusMonths(1)) {
            long secret = exactCount(code, theme, month, month.plusMonths(1));
            JsonNode one = count(attacker, code, theme, month, month.plusMonths(1));
            JsonNode two = count(attacker, code, theme, month, month.plusMonths(2));
            JsonNode next = count(attacker, code, theme, month.plusMonths(1), month.plusMonths(2));
            JsonNode earlier = count(attacker, code, theme, month.minusMonths(1), month.plusMonths(1));
            JsonNode before = count(attacker, code, theme, month.minusMonths(1), month);
            Interval deduced = Interval.released(one.get("count"))
                // the two months less the next one
                .and(Interval.released(two.get("count")).minus(Interval.released(next.get("count"))))
                // the next month's previous period is this month
                .and(Interval.released(next.get("previousCount")))
                // the two months up to this one less the one before
                .and(Interval.released(earlier.get("count")).minus(Interval.released(before.get("count"))));
            findings.check(code + " " + theme + " " + month, secret, deduced);
          }
        }
      }
      assertThat(findings.tried).isGreaterThan(40);
      assertThat(findings.recovered).as("counts recovered by period differencing").isEmpty();
    }
    assertNoSmallCountShown();
  }

  @Test
  void tilesAtNeighbouringZoomsRecoverNoSuppressedCount() throws Exception {
    Findings findings = new Findings();
    // around Apeldoorn; the board sees every municipality, so the analyst's counts are its exact ones
    // (the municipal account's cells are those of its own scope, tested in DisclosureScopeApiTest)
    for (int z = 9; z <= 12; z++) {
      TileCoordinate parent = VectorTileApiTest.tileAt(194_000, 469_500, z);
      for (ApiClient attacker : List.of(board)) {
        Map<Envelope, Long> parents = cells(attacker, parent, "");
        Map<Envelope, Long> children = new HashMap<>();
        Map<Envelope, Long> exactChildren = new HashMap<>();
        for (int dx = 0; dx < 2; dx++) {
          for (int dy = 0; dy < 2; dy++) {
            TileCoordinate child = new TileCoordinate(z + 1, parent.x() * 2 + dx, parent.y() * 2 + dy);
            children.putAll(cells(attacker, child, ""));
            exactChildren.putAll(cells(analyst, child, ""));
          }
        }
        for (Envelope cell : exactChildren.keySet()) {
          Envelope parentCell = parentCell(cell);
          Interval siblings = new Interval(0, 0);
          for (Envelope sibling : quarters(parentCell)) {
            if (!near(sibling, cell)) {
              siblings = siblings.plus(Interval.released(find(children, sibling)));
            }
          }
          Interval deduced = Interval.released(find(children, cell))
              .and(Interval.released(find(parents, parentCell)).minus(siblings));
          findings.check("zoom " + (z + 1) + " cell " + cell, exactChildren.get(cell), deduced);
        }
      }
    }
    assertThat(findings.tried).isGreaterThan(20);
    assertThat(findings.recovered).as("cell counts recovered from tiles at neighbouring zooms").isEmpty();
  }

  @Test
  void neighbourSetsInTheWaterbedOverviewRecoverNoSuppressedCount() {
    String query = "?category=woninginbraak&interventionDate=2025-07-01&window=P6M";
    Map<String, JsonNode> exact = rows(json(analyst.get("/api/v1/analysis/displacement/overview" + query)));
    Map<String, JsonNode> shown = rows(answer(board.get("/api/v1/analysis/displacement/overview" + query)));
    Findings findings = new Findings();
    for (String code : shown.keySet()) {
      List<String> neighbours = neighbours(code);
      for (String field : List.of("before", "after")) {
        String neighbourField = "neighbours" + Character.toUpperCase(field.charAt(0)) + field.substring(1);
        for (String secret : neighbours) {
          Interval others = new Interval(0, 0);
          for (String other : neighbours) {
            others = other.equals(secret) ? others : others.plus(Interval.released(shown.get(other).get(field)));
          }
          Interval deduced = Interval.released(shown.get(secret).get(field))
              .and(Interval.released(shown.get(code).get(neighbourField)).minus(others));
          findings.check(secret + " " + field + " via neighbours of " + code, exact.get(secret).get(field).asLong(),
              deduced);
        }
      }
    }
    assertThat(findings.recovered).as("counts recovered from neighbour sums").isEmpty();
    assertNoSmallCountShown();
  }

  @Test
  void drawnAreasAndTheirStripsRecoverNoSuppressedCount() {
    Findings findings = new Findings();
    // squares of 1 km² in Apeldoorn (RD New), each with a strip of 100 m added
    for (int i = 0; i < 6; i++) {
      double x = 192_000 + i * 1_000;
      double y = 468_000;
      String area = rectangle(x, y, x + 1_000, y + 1_000);
      String larger = rectangle(x, y, x + 1_000, y + 1_100);
      String strip = rectangle(x, y + 1_000, x + 1_000, y + 1_100);
      String query = "/api/v1/analysis/displacement?category=jeugdoverlast&interventionDate=2026-03-01&window=P3M"
          + "&buffer=ring:500";
      JsonNode small = answer(municipality.postRaw(query, "application/json", area.getBytes(StandardCharsets.UTF_8)));
      JsonNode big = answer(municipality.postRaw(query, "application/json", larger.getBytes(StandardCharsets.UTF_8)));
      JsonNode exact = json(analyst.postRaw(query, "application/json", strip.getBytes(StandardCharsets.UTF_8)));
      for (String field : List.of("before", "after")) {
        Interval deduced = Interval.released(big.get("target").get(field))
            .minus(Interval.released(small.get("target").get(field)));
        findings.check("strip " + i + " " + field, exact.get("target").get(field).asLong(), deduced);
      }
    }
    assertThat(findings.recovered).as("counts recovered from drawn areas").isEmpty();
    assertNoSmallCountShown();
  }

  // --- what the attackers got

  /** No count shown to a non-analyst lies between 1 and the minimum, and every one is a multiple of 5. */
  void assertNoSmallCountShown() {
    List<String> small = new ArrayList<>();
    for (JsonNode answer : answers) {
      collectCounts(answer, "", small);
    }
    assertThat(answers).isNotEmpty();
    assertThat(small).as("counts shown to non-analysts below the minimum or not rounded").isEmpty();
  }

  static final List<String> COUNT_FIELDS = List.of("count", "previousCount", "before", "after", "neighboursBefore",
      "neighboursAfter");

  static void collectCounts(JsonNode node, String path, List<String> small) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        JsonNode value = field.getValue();
        if (COUNT_FIELDS.contains(field.getKey()) && value.isNumber()) {
          long count = value.asLong();
          if (count > 0 && count < MINIMUM || count % 5 != 0) {
            small.add(path + "." + field.getKey() + " = " + count);
          }
        }
        collectCounts(value, path + "." + field.getKey(), small);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectCounts(node.get(i), path + "[" + i + "]", small);
      }
    }
  }

  // --- helpers

  JsonNode answer(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isEqualTo(200);
    JsonNode body = json(response);
    answers.add(body);
    return body;
  }

  /** The monthly counts of the panel (the 24 months up to the last completed one) as the attacker reads them. */
  Interval[] months(ApiClient attacker, String code, List<String> categories) {
    JsonNode months = answer(attacker.get(figures(code, categories))).get("months");
    Interval[] read = new Interval[months.size()];
    for (int m = 0; m < read.length; m++) {
      read[m] = Interval.released(months.get(m).get("count"));
    }
    return read;
  }

  long[] exactMonths(ApiClient reader, String code, List<String> categories) {
    YearMonth current = YearMonth.now(NETHERLANDS);
    JsonNode months = json(reader.get(figures(code, categories) + "&from=" + current.minusMonths(12).atDay(1)
        + "&to=" + current.atDay(1))).get("months");
    long[] exact = new long[months.size()];
    for (int m = 0; m < exact.length; m++) {
      exact[m] = months.get(m).get("count").asLong();
    }
    return exact;
  }

  static String figures(String code, List<String> categories) {
    return "/api/v1/municipalities/" + code + "/figures?" + categories.stream().map(c -> "category=" + c)
        .collect(Collectors.joining("&"));
  }

  JsonNode count(ApiClient attacker, String code, String theme, YearMonth from, YearMonth to) {
    return answer(attacker.get(figures(code, List.of(theme)) + "&from=" + from.atDay(1) + "&to=" + to.atDay(1)))
        .get("categories").get(0);
  }

  long exactCount(String code, String theme, YearMonth from, YearMonth to) {
    return json(analyst.get(figures(code, List.of(theme)) + "&from=" + from.atDay(1) + "&to=" + to.atDay(1)))
        .get("categories").get(0).get("count").asLong();
  }

  /** The incident cells of a tile: extent → count (absent cells were left out). */
  Map<Envelope, Long> cells(ApiClient reader, TileCoordinate tile, String query) throws Exception {
    HttpResponse<byte[]> response = reader.getBytes("/api/v1/tiles/incidents/" + tile + ".mvt" + query);
    assertThat(response.statusCode()).isEqualTo(200);
    JtsMvt mvt = VectorTileApiTest.decode(response.body());
    JtsLayer layer = mvt.getLayer("incident-cells");
    Map<Envelope, Long> cells = new HashMap<>();
    if (layer == null) {
      return cells;
    }
    for (Geometry cell : layer.getGeometries()) {
      long count = ((Number) ((Map<?, ?>) cell.getUserData()).get("count")).longValue();
      if (reader != analyst) {
        assertThat(count).as("a cell count shown to a non-analyst").isGreaterThanOrEqualTo(MINIMUM);
        assertThat(count % 5).isZero();
      }
      // tile-local coordinates: place the cell in world units of the tile's zoom
      Envelope local = cell.getEnvelopeInternal();
      double unit = 1.0 / 4096;
      cells.put(new Envelope((tile.x() + local.getMinX() * unit), (tile.x() + local.getMaxX() * unit),
          (tile.y() + local.getMinY() * unit), (tile.y() + local.getMaxY() * unit)), count);
    }
    return cells;
  }

  /** A child cell (in child-zoom tile units) as a quarter of its parent cell (in parent-zoom units). */
  static Envelope parentCell(Envelope child) {
    double side = 1.0 / 16;
    double x = Math.floor(child.getMinX() / 2 / side + 1e-6) * side;
    double y = Math.floor(child.getMinY() / 2 / side + 1e-6) * side;
    return new Envelope(x, x + side, y, y + side);
  }

  /** The four quarters of a parent cell, in child-zoom units. */
  static List<Envelope> quarters(Envelope parentCell) {
    List<Envelope> quarters = new ArrayList<>();
    double half = parentCell.getWidth();
    for (int dx = 0; dx < 2; dx++) {
      for (int dy = 0; dy < 2; dy++) {
        double x = parentCell.getMinX() * 2 + dx * half;
        double y = parentCell.getMinY() * 2 + dy * half;
        quarters.add(new Envelope(x, x + half, y, y + half));
      }
    }
    return quarters;
  }

  static boolean near(Envelope a, Envelope b) {
    return Math.abs(a.getMinX() - b.getMinX()) < 1e-6 && Math.abs(a.getMinY() - b.getMinY()) < 1e-6;
  }

  static Long find(Map<Envelope, Long> cells, Envelope cell) {
    return cells.entrySet().stream().filter(e -> near(e.getKey(), cell)).map(Map.Entry::getValue).findFirst()
        .orElse(null);
  }

  static Map<String, JsonNode> rows(JsonNode overview) {
    Map<String, JsonNode> rows = new HashMap<>();
    overview.get("municipalities").forEach(row -> rows.put(row.get("code").asString(), row));
    return rows;
  }

  List<String> neighbours(String code) {
    List<String> codes = new ArrayList<>();
    json(analyst.get("/api/v1/municipalities/" + code)).get("properties").get("neighbours")
        .forEach(n -> codes.add(n.asString()));
    return codes;
  }

  static String rectangle(double minX, double minY, double maxX, double maxY) {
    return String.format(Locale.ROOT, "{\"type\":\"Polygon\",\"crs\":{\"type\":\"name\",\"properties\":"
        + "{\"name\":\"EPSG:28992\"}},\"coordinates\":[[[%f,%f],[%f,%f],[%f,%f],[%f,%f],[%f,%f]]]}", minX, minY, maxX,
        minY, maxX, maxY, minX, maxY, minX, minY);
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
