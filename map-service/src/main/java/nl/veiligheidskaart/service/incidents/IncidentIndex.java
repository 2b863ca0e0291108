package nl.veiligheidskaart.service.incidents;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
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
 * of the store, replaced after every change ({@link InMemoryIncidentReadModel}), by one built from
 * this one and the appended rows when the change only appended.
 *
 * <p>About 34 bytes per incident ({@link #bytes()}), every value exact: RD New in whole millimetres
 * (ints), Web Mercator as offsets from the bucket's corner on the grid of {@link IncidentMercator},
 * times in whole seconds since 2000 (ints), source ids encoded ({@link SourceIds}), and the rank of
 * each incident in time order for the analyses. A location or time that is not whole millimetres or
 * seconds is kept apart, exactly, as a double or long.
 */
final class IncidentIndex implements IncidentReadModel {

  /** The bucket side in Web Mercator metres: a zoom-16 tile (611 m) touches at most four buckets. */
  static final double BUCKET_SIZE = 1024;
  private static final long BUCKET_STEPS = Math.round(BUCKET_SIZE * IncidentMercator.STEPS_PER_METRE);
  /** Marks an RD New location or a time kept apart. */
  private static final int APART = Integer.MIN_VALUE;
  /** Times are held in seconds from 2000-01-01T00:00:00Z: 1932 to 2068 fit an int. */
  private static final long EPOCH_SECOND = 946_684_800L;

  private final int size;
  /** The highest store id read: rows appended later have higher ones. */
  private final long lastId;
  /** RD New millimetres; APART in x, and in y the index of the pair in {@link #rdApart}. */
  private final int[] rdX;
  private final int[] rdY;
  private final double[] rdApart;
  /** Web Mercator grid steps from the corner of the incident's bucket. */
  private final int[] mercatorX;
  private final int[] mercatorY;
  /** Seconds from the epoch above; APART for the incidents listed in {@link #timeApartAt}. */
  private final int[] seconds;
  private final int[] timeApartAt;
  private final long[] timeApart;
  private final byte[] category;
  private final short[] municipality;
  private final boolean[] demo;
  private final SourceIds sourceIds;
  private final boolean containsDemo;
  /** The first and last time, in epoch milliseconds. */
  private final long first;
  private final long last;
  private final List<String> categories;
  private final List<String> municipalities;
  private final double originX;
  private final double originY;
  private final long originStepsX;
  private final long originStepsY;
  private final int bucketColumns;
  private final int bucketRows;
  /** Incidents of bucket b are [bucketStart[b], bucketStart[b + 1]). */
  private final int[] bucketStart;
  /**
   * Each incident's place in the order by time, then source id: the order {@link #locations}
   * promises. Computed once per index, off the request path where possible ({@link #prepareAnalyses}).
   */
  private int[] timeRank;

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
      if (!categoryWanted[category[incident]]
          || municipalityWanted != null && !municipalityWanted[municipality[incident]]) {
        return false;
      }
      long time = millis(incident);
      return time >= from && time < to;
    }
  }

  /** Receives an incident of a bucket with its Web Mercator location. */
  @FunctionalInterface
  private interface Located {
    void accept(int incident, double mercatorX, double mercatorY);
  }

  private IncidentIndex(Builder builder) {
    this.size = builder.size;
    this.lastId = builder.lastId;
    this.categories = List.copyOf(builder.categories);
    // not List.copyOf: incidents outside every municipality have the code null
    this.municipalities = Collections.unmodifiableList(new ArrayList<>(builder.municipalities));
    long minX = Long.MAX_VALUE;
    long minY = Long.MAX_VALUE;
    long maxX = Long.MIN_VALUE;
    long maxY = Long.MIN_VALUE;
    for (int i = 0; i < size; i++) {
      minX = Math.min(minX, builder.mercatorX[i]);
      minY = Math.min(minY, builder.mercatorY[i]);
      maxX = Math.max(maxX, builder.mercatorX[i]);
      maxY = Math.max(maxY, builder.mercatorY[i]);
    }
    this.originStepsX = size == 0 ? 0 : Math.floorDiv(minX, BUCKET_STEPS) * BUCKET_STEPS;
    this.originStepsY = size == 0 ? 0 : Math.floorDiv(minY, BUCKET_STEPS) * BUCKET_STEPS;
    this.originX = originStepsX * IncidentMercator.METRES_PER_STEP;
    this.originY = originStepsY * IncidentMercator.METRES_PER_STEP;
    this.bucketColumns = size == 0 ? 1 : (int) ((maxX - originStepsX) / BUCKET_STEPS) + 1;
    this.bucketRows = size == 0 ? 1 : (int) ((maxY - originStepsY) / BUCKET_STEPS) + 1;
    // A counting sort by bucket: the permutation that puts each bucket's incidents together.
    int[] bucketOf = new int[size];
    this.bucketStart = new int[bucketColumns * bucketRows + 1];
    for (int i = 0; i < size; i++) {
      bucketOf[i] = bucket(stepColumn(builder.mercatorX[i]), stepRow(builder.mercatorY[i]));
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
    bucketOf = null;
    this.mercatorX = new int[size];
    this.mercatorY = new int[size];
    this.rdX = new int[size];
    this.rdY = new int[size];
    this.seconds = new int[size];
    this.category = new byte[size];
    this.municipality = new short[size];
    this.demo = new boolean[size];
    List<Double> rdKeptApart = new ArrayList<>();
    List<Integer> timeKeptApartAt = new ArrayList<>();
    List<Long> timeKeptApart = new ArrayList<>();
    boolean anyDemo = false;
    long earliest = Long.MAX_VALUE;
    long latest = Long.MIN_VALUE;
    for (int i = 0; i < size; i++) {
      int from = order[i];
      long x = builder.mercatorX[from];
      long y = builder.mercatorY[from];
      mercatorX[i] = (int) (x - originStepsX - stepColumn(x) * BUCKET_STEPS);
      mercatorY[i] = (int) (y - originStepsY - stepRow(y) * BUCKET_STEPS);
      int millimetresX = millimetres(builder.rdX[from]);
      int millimetresY = millimetres(builder.rdY[from]);
      if (millimetresX == APART || millimetresY == APART) {
        rdX[i] = APART;
        rdY[i] = rdKeptApart.size() / 2;
        rdKeptApart.add(builder.rdX[from]);
        rdKeptApart.add(builder.rdY[from]);
      } else {
        rdX[i] = millimetresX;
        rdY[i] = millimetresY;
      }
      long millis = builder.occurredAt[from];
      long second = Math.floorDiv(millis, 1000) - EPOCH_SECOND;
      if (millis % 1000 == 0 && second > APART && second <= Integer.MAX_VALUE) {
        seconds[i] = (int) second;
      } else {
        seconds[i] = APART;
        timeKeptApartAt.add(i);
        timeKeptApart.add(millis);
      }
      category[i] = builder.category[from];
      municipality[i] = builder.municipality[from];
      demo[i] = builder.demo[from];
      anyDemo |= demo[i];
      earliest = Math.min(earliest, millis);
      latest = Math.max(latest, millis);
    }
    this.rdApart = rdKeptApart.stream().mapToDouble(Double::doubleValue).toArray();
    this.timeApartAt = timeKeptApartAt.stream().mapToInt(Integer::intValue).toArray();
    this.timeApart = timeKeptApart.stream().mapToLong(Long::longValue).toArray();
    this.sourceIds = builder.sourceIds.build().permute(order);
    this.containsDemo = anyDemo;
    this.first = earliest;
    this.last = latest;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding every incident of this index, to which appended rows are added. */
  Builder toBuilder() {
    return new Builder(this);
  }

  public int size() {
    return size;
  }

  /** The highest store id this index read (0 without any). */
  long lastId() {
    return lastId;
  }

  /**
   * The heap this index takes, counted array by array (the bucket table and dictionaries are a
   * few hundred kilobytes whatever the number of incidents); with the time order once analysed.
   */
  long bytes() {
    long bytes = 4L * (rdX.length + rdY.length + mercatorX.length + mercatorY.length + seconds.length
        + timeApartAt.length + bucketStart.length) + 8L * (rdApart.length + timeApart.length)
        + category.length + 2L * municipality.length + demo.length + sourceIds.bytes();
    int[] rank = timeRankIfComputed();
    return bytes + (rank == null ? 0 : 4L * rank.length);
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
    forEach(new Selection(query), i -> counts.merge(YearMonth.from(Instant.ofEpochMilli(millis(i))
        .atZone(Zones.NETHERLANDS)), 1L, Long::sum));
    return counts;
  }

  @Override
  public void forEachInExtent(Crs crs, Envelope extent, IncidentQuery query, Consumer<MapIncident> action) {
    boolean rd = requireMapCrs(crs) == Crs.RD_NEW;
    forEach(crs, extent, new Selection(query), (i, x, y) -> action.accept(new MapIncident(sourceIds.get(i),
        categories.get(category[i]), Instant.ofEpochMilli(millis(i)), demo[i], rd ? rdX(i) : x, rd ? rdY(i) : y)));
  }

  /**
   * The selected incidents in time order without sorting them: each selected incident marks its
   * time rank in a bit set, and the bits before it give its place in the answer.
   */
  @Override
  public IncidentLocations locations(IncidentQuery query) {
    int[] rank = timeRank();
    Selection selection = new Selection(query);
    long[] chosen = new long[(size + 63) >>> 6];
    int[] selected = new int[Math.min(size, 1024)];
    int count = 0;
    for (int i = 0; i < size; i++) {
      if (selection.test(i)) {
        if (count == selected.length) {
          selected = Arrays.copyOf(selected, count * 2);
        }
        selected[count++] = i;
        chosen[rank[i] >>> 6] |= 1L << rank[i];
      }
    }
    int[] before = new int[chosen.length];
    for (int word = 1; word < chosen.length; word++) {
      before[word] = before[word - 1] + Long.bitCount(chosen[word - 1]);
    }
    double[] xs = new double[count];
    double[] ys = new double[count];
    long[] times = new long[count];
    for (int s = 0; s < count; s++) {
      int i = selected[s];
      int r = rank[i];
      int at = before[r >>> 6] + Long.bitCount(chosen[r >>> 6] & ((1L << r) - 1));
      xs[at] = rdX(i);
      ys[at] = rdY(i);
      times[at] = millis(i);
    }
    return new IncidentLocations(xs, ys, times);
  }

  /** Moments only: the windows are kept beside the index ({@link IncidentWindows}), which adds them. */
  @Override
  public IncidentTimeWindows timeWindows(IncidentQuery query) {
    long[] moments = locations(query).occurredAtMillis();
    return new IncidentTimeWindows(moments, moments.clone());
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

  /** Orders the incidents by time for the analyses now, so that the first analysis need not. */
  void prepareAnalyses() {
    timeRank();
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
      long stepsY = originStepsY + row * BUCKET_STEPS;
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
        long stepsX = originStepsX + column * BUCKET_STEPS;
        for (int i = start; i < end; i++) {
          int at = raster.cell(metres(stepsX, mercatorX[i]), metres(stepsY, mercatorY[i]));
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
    forEach(mercatorCover(rd), selection, (i, x, y) -> {
      int cell = raster.cell(rdX(i), rdY(i));
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

  private double rdX(int incident) {
    return rdX[incident] == APART ? rdApart[2 * rdY[incident]] : rdX[incident] / 1000.0;
  }

  private double rdY(int incident) {
    return rdX[incident] == APART ? rdApart[2 * rdY[incident] + 1] : rdY[incident] / 1000.0;
  }

  private long millis(int incident) {
    int second = seconds[incident];
    return second != APART ? (EPOCH_SECOND + second) * 1000 : timeApart[Arrays.binarySearch(timeApartAt, incident)];
  }

  /** A coordinate in whole millimetres, or APART when that would not give back exactly this double. */
  private static int millimetres(double metres) {
    double scaled = Math.rint(metres * 1000);
    if (!(Math.abs(scaled) < Integer.MAX_VALUE)) {
      return APART;
    }
    int millimetres = (int) scaled;
    return Double.doubleToLongBits(millimetres / 1000.0) == Double.doubleToLongBits(metres) ? millimetres : APART;
  }

  private static double metres(long bucketCornerSteps, int offset) {
    return (bucketCornerSteps + offset) * IncidentMercator.METRES_PER_STEP;
  }

  private synchronized int[] timeRankIfComputed() {
    return timeRank;
  }

  /**
   * Sorts by whole second with a primitive sort of (second, incident) keys, then each run of one
   * second by exact time and source id, as the database model sorts its rows.
   */
  private synchronized int[] timeRank() {
    if (timeRank != null) {
      return timeRank;
    }
    long[] keys = new long[size];
    for (int i = 0; i < size; i++) {
      long second = Math.floorDiv(millis(i), 1000) - EPOCH_SECOND;
      long clamped = Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, second));
      keys[i] = clamped << 32 | i;
    }
    Arrays.parallelSort(keys);
    int[] order = new int[size];
    for (int k = 0; k < size; k++) {
      order[k] = (int) keys[k];
    }
    IntComparator byTimeAndId = (a, b) -> {
      int byTime = Long.compare(millis(a), millis(b));
      return byTime != 0 ? byTime : sourceIds.compare(a, b);
    };
    int[] scratch = new int[0];
    for (int start = 0; start < size;) {
      int end = start + 1;
      while (end < size && keys[end] >> 32 == keys[start] >> 32) {
        end++;
      }
      if (end - start > 1) {
        if (scratch.length < end - start) {
          scratch = new int[end - start];
        }
        mergeSort(order, start, end, scratch, byTimeAndId);
      }
      start = end;
    }
    keys = null;
    int[] rank = new int[size];
    for (int k = 0; k < size; k++) {
      rank[order[k]] = k;
    }
    timeRank = rank;
    return rank;
  }

  @FunctionalInterface
  private interface IntComparator {
    int compare(int a, int b);
  }

  /** A stable merge sort of values[from, to) (scratch holds at least to - from values). */
  private static void mergeSort(int[] values, int from, int to, int[] scratch, IntComparator comparator) {
    if (to - from <= 16) {
      for (int i = from + 1; i < to; i++) {
        int value = values[i];
        int j = i - 1;
        while (j >= from && comparator.compare(values[j], value) > 0) {
          values[j + 1] = values[j];
          j--;
        }
        values[j + 1] = value;
      }
      return;
    }
    int middle = (from + to) >>> 1;
    mergeSort(values, from, middle, scratch, comparator);
    mergeSort(values, middle, to, scratch, comparator);
    if (comparator.compare(values[middle - 1], values[middle]) <= 0) {
      return;
    }
    System.arraycopy(values, from, scratch, 0, middle - from);
    int left = 0;
    int leftEnd = middle - from;
    int right = middle;
    int at = from;
    while (left < leftEnd && right < to) {
      values[at++] = comparator.compare(scratch[left], values[right]) <= 0 ? scratch[left++] : values[right++];
    }
    while (left < leftEnd) {
      values[at++] = scratch[left++];
    }
  }

  /** Calls {@code action} with every selected incident inside an extent of a map CRS (edges included). */
  private void forEach(Crs crs, Envelope extent, Selection selection, Located action) {
    if (extent.isNull()) {
      return;
    }
    if (crs == Crs.WEB_MERCATOR) {
      forEach(extent, selection, action);
      return;
    }
    forEach(mercatorCover(extent), selection, (i, x, y) -> {
      if (extent.contains(rdX(i), rdY(i))) {
        action.accept(i, x, y);
      }
    });
  }

  /** Calls {@code action} with every selected incident inside {@code mercator} (edges included). */
  private void forEach(Envelope mercator, Selection selection, Located action) {
    if (size == 0 || mercator.isNull()) {
      return;
    }
    int firstColumn = Math.max(0, column(mercator.getMinX()));
    int lastColumn = Math.min(bucketColumns - 1, column(mercator.getMaxX()));
    int firstRow = Math.max(0, row(mercator.getMinY()));
    int lastRow = Math.min(bucketRows - 1, row(mercator.getMaxY()));
    for (int row = firstRow; row <= lastRow; row++) {
      long stepsY = originStepsY + row * BUCKET_STEPS;
      for (int column = firstColumn; column <= lastColumn; column++) {
        long stepsX = originStepsX + column * BUCKET_STEPS;
        int bucket = bucket(column, row);
        for (int i = bucketStart[bucket]; i < bucketStart[bucket + 1]; i++) {
          double x = metres(stepsX, mercatorX[i]);
          double y = metres(stepsY, mercatorY[i]);
          if (selection.test(i) && mercator.contains(x, y)) {
            action.accept(i, x, y);
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

  private int stepColumn(long stepsX) {
    return (int) ((stepsX - originStepsX) / BUCKET_STEPS);
  }

  private int stepRow(long stepsY) {
    return (int) ((stepsY - originStepsY) / BUCKET_STEPS);
  }

  private int bucket(int column, int row) {
    return row * bucketColumns + column;
  }

  /** Collects incidents in any order; categories and municipalities become small dictionary codes. */
  public static final class Builder {
    private int size;
    private long lastId;
    private double[] rdX = new double[1024];
    private double[] rdY = new double[1024];
    /** In grid steps of {@link IncidentMercator}. */
    private long[] mercatorX = new long[1024];
    private long[] mercatorY = new long[1024];
    private long[] occurredAt = new long[1024];
    private byte[] category = new byte[1024];
    private short[] municipality = new short[1024];
    private boolean[] demo = new boolean[1024];
    private final SourceIds.Builder sourceIds;
    private final List<String> categories = new ArrayList<>();
    private final Map<String, Integer> categoryCodes = new HashMap<>();
    private final List<String> municipalities = new ArrayList<>();
    private final Map<String, Integer> municipalityCodes = new HashMap<>();

    private Builder() {
      this.sourceIds = new SourceIds.Builder();
    }

    /** Holds the incidents of an index in its order, with its dictionaries, without projecting again. */
    private Builder(IncidentIndex index) {
      this.sourceIds = new SourceIds.Builder(index.sourceIds);
      this.lastId = index.lastId;
      for (String name : index.categories) {
        categoryCodes.put(name, categories.size());
        categories.add(name);
      }
      for (String code : index.municipalities) {
        municipalityCodes.put(code, municipalities.size());
        municipalities.add(code);
      }
      ensureCapacity(Math.max(1024, index.size * 2));
      for (int row = 0; row < index.bucketRows; row++) {
        for (int column = 0; column < index.bucketColumns; column++) {
          int bucket = index.bucket(column, row);
          long stepsX = index.originStepsX + column * BUCKET_STEPS;
          long stepsY = index.originStepsY + row * BUCKET_STEPS;
          for (int i = index.bucketStart[bucket]; i < index.bucketStart[bucket + 1]; i++) {
            mercatorX[i] = stepsX + index.mercatorX[i];
            mercatorY[i] = stepsY + index.mercatorY[i];
          }
        }
      }
      for (int i = 0; i < index.size; i++) {
        rdX[i] = index.rdX(i);
        rdY[i] = index.rdY(i);
        occurredAt[i] = index.millis(i);
        category[i] = index.category[i];
        municipality[i] = index.municipality[i];
        demo[i] = index.demo[i];
      }
      this.size = index.size;
    }

    /**
     * Adds an incident located in RD New and in Web Mercator (the latter rounded to the grid of
     * {@link IncidentMercator}, as {@link IncidentMercator#of} gives it).
     */
    public Builder add(String sourceId, String category, Instant occurredAt, boolean demo, String municipalityCode,
        double rdX, double rdY, double mercatorX, double mercatorY) {
      if (size == this.mercatorX.length) {
        ensureCapacity(size * 2);
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
      sourceIds.add(sourceId);
      this.category[size] = (byte) categoryCode;
      this.occurredAt[size] = occurredAt.toEpochMilli();
      this.demo[size] = demo;
      this.municipality[size] = (short) municipalityIndex;
      this.rdX[size] = rdX;
      this.rdY[size] = rdY;
      this.mercatorX[size] = IncidentMercator.steps(mercatorX);
      this.mercatorY[size] = IncidentMercator.steps(mercatorY);
      size++;
      return this;
    }

    /** Notes the store id of a row added: the index remembers the highest. */
    Builder stored(long id) {
      lastId = Math.max(lastId, id);
      return this;
    }

    public IncidentIndex build() {
      return new IncidentIndex(this);
    }

    private void ensureCapacity(int capacity) {
      mercatorX = Arrays.copyOf(mercatorX, capacity);
      mercatorY = Arrays.copyOf(mercatorY, capacity);
      rdX = Arrays.copyOf(rdX, capacity);
      rdY = Arrays.copyOf(rdY, capacity);
      occurredAt = Arrays.copyOf(occurredAt, capacity);
      category = Arrays.copyOf(category, capacity);
      municipality = Arrays.copyOf(municipality, capacity);
      demo = Arrays.copyOf(demo, capacity);
    }
  }
}
