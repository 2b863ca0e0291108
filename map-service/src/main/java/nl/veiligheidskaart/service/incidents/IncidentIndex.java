package nl.veiligheidskaart.service.incidents;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.geodata.crs.CrsTransform;
import nl.veiligheidskaart.service.config.Zones;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Every stored incident's location (Web Mercator and RD New), time, category and municipality in flat
 * arrays, ordered by square buckets of Web Mercator metres. A tile reads only the buckets it overlaps
 * (a tile in RD New: the buckets under its Web Mercator cover), so a zoom-8 tile counts a million
 * incidents in milliseconds where a database would transform and ship every point. Immutable: a copy
 * of the store, replaced as a whole after every change ({@link InMemoryIncidentReadModel}); about 124
 * bytes per incident.
 */
final class IncidentIndex implements IncidentReadModel {

  /** The bucket side in Web Mercator metres: a zoom-16 tile (611 m) touches at most four buckets. */
  static final double BUCKET_SIZE = 1024;

  private final int size;
  private final double[] mercatorX;
  private final double[] mercatorY;
  private final double[] rdX;
  private final double[] rdY;
  private final long[] occurredAt;
  private final byte[] category;
  private final short[] municipality;
  private final boolean[] demo;
  private final boolean containsDemo;
  /** The first and last time, in epoch milliseconds. */
  private final long first;
  private final long last;
  private final String[] sourceId;
  private final List<String> categories;
  private final List<String> municipalities;
  private final double originX;
  private final double originY;
  private final int bucketColumns;
  private final int bucketRows;
  /** Incidents of bucket b are [bucketStart[b], bucketStart[b + 1]). */
  private final int[] bucketStart;
  /**
   * The incidents by time, then source id: the order {@link #locations} promises. Sorted at the
   * first analysis, not at every reload (a second per million incidents that tiles never need).
   */
  private volatile int[] byTime;

  /** The incidents a query selects, as tests on the dictionary codes. */
  private final class Selection {
    private final boolean[] categoryWanted;
    private final boolean[] municipalityWanted;
    private final long from;
    private final long to;
    /** Every incident: no category, no period and no municipalities asked for. */
    private final boolean all;

    private Selection(IncidentQuery query) {
      List<String> wanted = query.categories();
      this.categoryWanted = new boolean[categories.size()];
      for (int c = 0; c < categories.size(); c++) {
        categoryWanted[c] = wanted.isEmpty() || wanted.contains(categories.get(c));
      }
      this.municipalityWanted = query.municipalities() == null ? null : new boolean[municipalities.size()];
      for (int m = 0; municipalityWanted != null && m < municipalities.size(); m++) {
        municipalityWanted[m] = municipalities.get(m) != null && query.municipalities().contains(municipalities.get(m));
      }
      this.from = query.from() == null ? Long.MIN_VALUE : query.from().toEpochMilli();
      this.to = query.to() == null ? Long.MAX_VALUE : query.to().toEpochMilli();
      this.all = wanted.isEmpty() && query.from() == null && query.to() == null && municipalityWanted == null;
    }

    boolean test(int incident) {
      long time = occurredAt[incident];
      return time >= from && time < to && categoryWanted[category[incident]]
          && (municipalityWanted == null || municipalityWanted[municipality[incident]]);
    }
  }

  private IncidentIndex(Builder builder) {
    this.size = builder.size;
    this.categories = List.copyOf(builder.categories);
    // not List.copyOf: incidents outside every municipality have the code null
    this.municipalities = Collections.unmodifiableList(new ArrayList<>(builder.municipalities));
    Envelope extent = new Envelope();
    for (int i = 0; i < size; i++) {
      extent.expandToInclude(builder.mercatorX[i], builder.mercatorY[i]);
    }
    this.originX = extent.isNull() ? 0 : Math.floor(extent.getMinX() / BUCKET_SIZE) * BUCKET_SIZE;
    this.originY = extent.isNull() ? 0 : Math.floor(extent.getMinY() / BUCKET_SIZE) * BUCKET_SIZE;
    this.bucketColumns = extent.isNull() ? 1 : (int) ((extent.getMaxX() - originX) / BUCKET_SIZE) + 1;
    this.bucketRows = extent.isNull() ? 1 : (int) ((extent.getMaxY() - originY) / BUCKET_SIZE) + 1;
    // A counting sort by bucket: the permutation that puts each bucket's incidents together.
    int[] bucketOf = new int[size];
    this.bucketStart = new int[bucketColumns * bucketRows + 1];
    for (int i = 0; i < size; i++) {
      bucketOf[i] = bucket(column(builder.mercatorX[i]), row(builder.mercatorY[i]));
      bucketStart[bucketOf[i] + 1]++;
    }
    for (int b = 0; b < bucketColumns * bucketRows; b++) {
      bucketStart[b + 1] += bucketStart[b];
    }
    int[] next = Arrays.copyOf(bucketStart, bucketStart.length - 1);
    int[] order = new int[size];
    for (int i = 0; i < size; i++) {
      order[next[bucketOf[i]]++] = i;
    }
    this.mercatorX = permute(builder.mercatorX, order);
    this.mercatorY = permute(builder.mercatorY, order);
    this.rdX = permute(builder.rdX, order);
    this.rdY = permute(builder.rdY, order);
    this.occurredAt = new long[size];
    this.category = new byte[size];
    this.municipality = new short[size];
    this.demo = new boolean[size];
    this.sourceId = new String[size];
    for (int i = 0; i < size; i++) {
      int from = order[i];
      occurredAt[i] = builder.occurredAt[from];
      category[i] = builder.category[from];
      municipality[i] = builder.municipality[from];
      demo[i] = builder.demo[from];
      sourceId[i] = builder.sourceId[from];
    }
    boolean anyDemo = false;
    long earliest = Long.MAX_VALUE;
    long latest = Long.MIN_VALUE;
    for (int i = 0; i < size; i++) {
      anyDemo |= demo[i];
      earliest = Math.min(earliest, occurredAt[i]);
      latest = Math.max(latest, occurredAt[i]);
    }
    this.containsDemo = anyDemo;
    this.first = earliest;
    this.last = latest;
  }


  public static Builder builder() {
    return new Builder();
  }

  public int size() {
    return size;
  }

  @Override
  public Map<String, Map<String, Long>> countsByMunicipalityAndCategory(IncidentQuery query) {
    long[][] counts = new long[municipalities.size()][categories.size()];
    forEach(new Selection(query), i -> counts[municipality[i]][category[i]]++);
    Map<String, Map<String, Long>> byCode = new HashMap<>();
    for (int m = 0; m < counts.length; m++) {
      for (int c = 0; c < categories.size(); c++) {
        if (counts[m][c] > 0 && municipalities.get(m) != null) {
          byCode.computeIfAbsent(municipalities.get(m), code -> new TreeMap<>()).put(categories.get(c), counts[m][c]);
        }
      }
    }
    return byCode;
  }

  @Override
  public Map<String, Long> countsByMunicipality(IncidentQuery query) {
    long[] counts = new long[municipalities.size()];
    forEach(new Selection(query), i -> counts[municipality[i]]++);
    Map<String, Long> byCode = new HashMap<>();
    for (int m = 0; m < counts.length; m++) {
      if (counts[m] > 0 && municipalities.get(m) != null) {
        byCode.put(municipalities.get(m), counts[m]);
      }
    }
    return byCode;
  }

  @Override
  public Map<YearMonth, Long> countsByMonth(IncidentQuery query) {
    Map<YearMonth, Long> counts = new TreeMap<>();
    forEach(new Selection(query), i -> counts.merge(YearMonth.from(Instant.ofEpochMilli(occurredAt[i])
        .atZone(Zones.NETHERLANDS)), 1L, Long::sum));
    return counts;
  }

  @Override
  public void forEachInExtent(Crs crs, Envelope extent, IncidentQuery query, Consumer<MapIncident> action) {
    boolean rd = requireMapCrs(crs) == Crs.RD_NEW;
    forEach(crs, extent, new Selection(query), i -> action.accept(new MapIncident(sourceId[i],
        categories.get(category[i]), Instant.ofEpochMilli(occurredAt[i]), demo[i], rd ? rdX[i] : mercatorX[i],
        rd ? rdY[i] : mercatorY[i])));
  }

  @Override
  public IncidentLocations locations(IncidentQuery query) {
    Selection selection = new Selection(query);
    int count = 0;
    for (int i = 0; i < size; i++) {
      count += selection.test(i) ? 1 : 0;
    }
    double[] xs = new double[count];
    double[] ys = new double[count];
    long[] times = new long[count];
    int next = 0;
    for (int i : byTime()) {
      if (selection.test(i)) {
        xs[next] = rdX[i];
        ys[next] = rdY[i];
        times[next++] = occurredAt[i];
      }
    }
    return new IncidentLocations(xs, ys, times);
  }

  @Override
  public Optional<TimeSpan> timeSpan() {
    return size == 0 ? Optional.empty() : Optional.of(new TimeSpan(Instant.ofEpochMilli(first),
        Instant.ofEpochMilli(last)));
  }

  @Override
  public boolean containsDemo() {
    return containsDemo;
  }

  @Override
  public int[] countCells(Crs crs, Envelope extent, IncidentQuery query, int side) {
    return requireMapCrs(crs) == Crs.WEB_MERCATOR ? countMercatorCells(extent, new Selection(query), side)
        : countRdCells(extent, new Selection(query), side);
  }

  /**
   * Counts a raster's cells bucket by bucket. The work of low-zoom tiles, which hold most incidents:
   * a bucket that lies inside one cell is counted whole, or by testing only the selection; only
   * buckets across cell borders place points.
   */
  private int[] countMercatorCells(Envelope mercator, Selection selection, int side) {
    int[] counts = new int[side * side];
    if (size == 0 || mercator.isNull()) {
      return counts;
    }
    CellRaster raster = new CellRaster(mercator, side);
    int firstColumn = Math.max(0, column(mercator.getMinX()));
    int lastColumn = Math.min(bucketColumns - 1, column(mercator.getMaxX()));
    int firstRow = Math.max(0, row(mercator.getMinY()));
    int lastRow = Math.min(bucketRows - 1, row(mercator.getMaxY()));
    for (int row = firstRow; row <= lastRow; row++) {
      double bucketMinY = originY + row * BUCKET_SIZE;
      for (int column = firstColumn; column <= lastColumn; column++) {
        int bucket = bucket(column, row);
        int start = bucketStart[bucket];
        int end = bucketStart[bucket + 1];
        if (start == end) {
          continue;
        }
        double bucketMinX = originX + column * BUCKET_SIZE;
        int cell = raster.cellHolding(bucketMinX, bucketMinX + BUCKET_SIZE, bucketMinY, bucketMinY + BUCKET_SIZE);
        if (cell >= 0) {
          if (selection.all) {
            counts[cell] += end - start;
          } else {
            for (int i = start; i < end; i++) {
              counts[cell] += selection.test(i) ? 1 : 0;
            }
          }
          continue;
        }
        for (int i = start; i < end; i++) {
          int at = raster.cell(mercatorX[i], mercatorY[i]);
          if (at >= 0 && selection.test(i)) {
            counts[at]++;
          }
        }
      }
    }
    return counts;
  }

  /**
   * The cells of an RD New raster are squares of RD New: its incidents come from the buckets under its
   * Web Mercator cover.
   */
  private int[] countRdCells(Envelope rd, Selection selection, int side) {
    int[] counts = new int[side * side];
    if (size == 0 || rd.isNull()) {
      return counts;
    }
    CellRaster raster = new CellRaster(rd, side);
    forEach(mercatorCover(rd), selection, i -> {
      int cell = raster.cell(rdX[i], rdY[i]);
      if (cell >= 0) {
        counts[cell]++;
      }
    });
    return counts;
  }

  private static Crs requireMapCrs(Crs crs) {
    if (crs != Crs.RD_NEW && crs != Crs.WEB_MERCATOR) {
      throw new IllegalArgumentException("incidents are indexed in RD New and Web Mercator, not " + crs);
    }
    return crs;
  }

  /**
   * A Web Mercator envelope that holds an RD New one: its outline followed in 16 steps a side (the
   * map between the two bends gently) and widened by 1 % for what bends between the steps.
   */
  private static Envelope mercatorCover(Envelope rd) {
    Geometry outline = Densifier.densify(new GeometryFactory().toGeometry(rd),
        Math.max(1, Math.max(rd.getWidth(), rd.getHeight()) / 16));
    Envelope cover = new Envelope(CrsTransform.transform(outline, Crs.RD_NEW, Crs.WEB_MERCATOR)
        .getEnvelopeInternal());
    cover.expandBy(Math.max(1, cover.getWidth() * 0.01));
    return cover;
  }

  private int[] byTime() {
    int[] sorted = byTime;
    if (sorted == null) {
      // computed at most a few times when analyses start together; each result is the same
      sorted = IntStream.range(0, size).boxed()
          .sorted(Comparator.<Integer>comparingLong(i -> occurredAt[i]).thenComparing(i -> sourceId[i]))
          .mapToInt(Integer::intValue).toArray();
      byTime = sorted;
    }
    return sorted;
  }

  /** Calls {@code action} with every selected incident inside an extent of a map CRS (edges included). */
  private void forEach(Crs crs, Envelope extent, Selection selection, IntConsumer action) {
    if (extent.isNull()) {
      return;
    }
    if (crs == Crs.WEB_MERCATOR) {
      forEach(extent, selection, action);
      return;
    }
    forEach(mercatorCover(extent), selection, i -> {
      if (extent.contains(rdX[i], rdY[i])) {
        action.accept(i);
      }
    });
  }

  /** Calls {@code action} with every selected incident inside {@code mercator} (edges included). */
  private void forEach(Envelope mercator, Selection selection, IntConsumer action) {
    if (size == 0 || mercator.isNull()) {
      return;
    }
    int firstColumn = Math.max(0, column(mercator.getMinX()));
    int lastColumn = Math.min(bucketColumns - 1, column(mercator.getMaxX()));
    int firstRow = Math.max(0, row(mercator.getMinY()));
    int lastRow = Math.min(bucketRows - 1, row(mercator.getMaxY()));
    for (int row = firstRow; row <= lastRow; row++) {
      for (int column = firstColumn; column <= lastColumn; column++) {
        int bucket = bucket(column, row);
        for (int i = bucketStart[bucket]; i < bucketStart[bucket + 1]; i++) {
          if (selection.test(i) && mercator.contains(mercatorX[i], mercatorY[i])) {
            action.accept(i);
          }
        }
      }
    }
  }

  /** Calls {@code action} with every selected incident, wherever it lies. */
  private void forEach(Selection selection, IntConsumer action) {
    for (int i = 0; i < size; i++) {
      if (selection.test(i)) {
        action.accept(i);
      }
    }
  }

  private int column(double x) {
    return (int) Math.floor((x - originX) / BUCKET_SIZE);
  }

  private int row(double y) {
    return (int) Math.floor((y - originY) / BUCKET_SIZE);
  }

  private int bucket(int column, int row) {
    return row * bucketColumns + column;
  }

  private static double[] permute(double[] values, int[] order) {
    double[] permuted = new double[order.length];
    for (int i = 0; i < order.length; i++) {
      permuted[i] = values[order[i]];
    }
    return permuted;
  }

  /** Collects incidents in any order; categories and municipalities become small dictionary codes. */
  public static final class Builder {
    private int size;
    private double[] mercatorX = new double[1024];
    private double[] mercatorY = new double[1024];
    private double[] rdX = new double[1024];
    private double[] rdY = new double[1024];
    private long[] occurredAt = new long[1024];
    private byte[] category = new byte[1024];
    private short[] municipality = new short[1024];
    private boolean[] demo = new boolean[1024];
    private String[] sourceId = new String[1024];
    private final List<String> categories = new ArrayList<>();
    private final Map<String, Integer> categoryCodes = new HashMap<>();
    private final List<String> municipalities = new ArrayList<>();
    private final Map<String, Integer> municipalityCodes = new HashMap<>();

    private Builder() {
    }

    public Builder add(String sourceId, String category, Instant occurredAt, boolean demo, String municipalityCode,
        double rdX, double rdY, double mercatorX, double mercatorY) {
      if (size == this.mercatorX.length) {
        grow();
      }
      int categoryCode = categoryCodes.computeIfAbsent(category, c -> {
        categories.add(c);
        return categories.size() - 1;
      });
      if (categoryCode > Byte.MAX_VALUE) {
        throw new IllegalStateException("more than " + (Byte.MAX_VALUE + 1) + " incident categories");
      }
      int municipalityIndex = municipalityCodes.computeIfAbsent(municipalityCode, c -> {
        municipalities.add(c);
        return municipalities.size() - 1;
      });
      this.sourceId[size] = sourceId;
      this.category[size] = (byte) categoryCode;
      this.occurredAt[size] = occurredAt.toEpochMilli();
      this.demo[size] = demo;
      this.municipality[size] = (short) municipalityIndex;
      this.rdX[size] = rdX;
      this.rdY[size] = rdY;
      this.mercatorX[size] = mercatorX;
      this.mercatorY[size] = mercatorY;
      size++;
      return this;
    }

    public IncidentIndex build() {
      return new IncidentIndex(this);
    }

    private void grow() {
      int capacity = mercatorX.length * 2;
      mercatorX = Arrays.copyOf(mercatorX, capacity);
      mercatorY = Arrays.copyOf(mercatorY, capacity);
      rdX = Arrays.copyOf(rdX, capacity);
      rdY = Arrays.copyOf(rdY, capacity);
      occurredAt = Arrays.copyOf(occurredAt, capacity);
      category = Arrays.copyOf(category, capacity);
      municipality = Arrays.copyOf(municipality, capacity);
      demo = Arrays.copyOf(demo, capacity);
      sourceId = Arrays.copyOf(sourceId, capacity);
    }
  }
}
