package nl.veiligheidskaart.service.maptiles;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.geodata.crs.CrsTransform;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Every stored incident's location (Web Mercator and RD New), time, category and municipality in
 * flat arrays, ordered by square buckets of Web Mercator metres. A tile reads only the buckets it
 * overlaps (a tile in RD New the buckets under its Web Mercator cover), so a zoom-8 tile counts a million incidents in milliseconds where a database would
 * transform and ship every point. It is a cache of the store, rebuilt after every change
 * ({@link IncidentIndexLoader}); about 120 bytes per incident.
 */
public final class IncidentIndex {

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
   * Which incidents a reader asks for: categories (empty for all), [from, to) in epoch
   * milliseconds, and the municipalities the reader may see (null for all).
   */
  public final class Selection {
    private final boolean[] categoryWanted;
    private final boolean[] municipalityWanted;
    private final long from;
    private final long to;
    /** Every incident: no category, no period and no municipalities asked for. */
    private final boolean all;

    private Selection(List<String> wanted, Instant from, Instant to, Set<String> visibleMunicipalities) {
      this.categoryWanted = new boolean[categories.size()];
      for (int c = 0; c < categories.size(); c++) {
        categoryWanted[c] = wanted == null || wanted.isEmpty() || wanted.contains(categories.get(c));
      }
      this.municipalityWanted = visibleMunicipalities == null ? null : new boolean[municipalities.size()];
      for (int m = 0; municipalityWanted != null && m < municipalities.size(); m++) {
        municipalityWanted[m] = visibleMunicipalities.contains(municipalities.get(m));
      }
      this.from = from == null ? Long.MIN_VALUE : from.toEpochMilli();
      this.to = to == null ? Long.MAX_VALUE : to.toEpochMilli();
      this.all = (wanted == null || wanted.isEmpty()) && from == null && to == null && municipalityWanted == null;
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
    this.municipalities = List.copyOf(builder.municipalities);
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
    for (int i = 0; i < size && !anyDemo; i++) {
      anyDemo = demo[i];
    }
    this.containsDemo = anyDemo;
  }

  public static Builder builder() {
    return new Builder();
  }

  public int size() {
    return size;
  }

  public Selection select(List<String> categories, Instant from, Instant to) {
    return new Selection(categories, from, to, null);
  }

  /** As {@link #select(List, Instant, Instant)}, only incidents in the given municipalities (null: all). */
  public Selection select(List<String> categories, Instant from, Instant to, Set<String> visibleMunicipalities) {
    return new Selection(categories, from, to, visibleMunicipalities);
  }

  /** Calls {@code action} with every selected incident inside {@code mercator} (edges included). */
  public void forEach(Envelope mercator, Selection selection, IntConsumer action) {
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

  /**
   * Selected incidents per cell of a {@code side} × {@code side} raster over {@code mercator}, row
   * by row from the north. An incident on a border counts in the cell east or south of it, so
   * neighbouring tiles never both count it.
   */
  public int[] countCells(Envelope mercator, Selection selection, int side) {
    int[] counts = new int[side * side];
    if (size == 0 || mercator.isNull()) {
      return counts;
    }
    double minX = mercator.getMinX();
    double maxX = mercator.getMaxX();
    double minY = mercator.getMinY();
    double maxY = mercator.getMaxY();
    double columnsPerUnit = side / mercator.getWidth();
    double rowsPerUnit = side / mercator.getHeight();
    int firstColumn = Math.max(0, column(minX));
    int lastColumn = Math.min(bucketColumns - 1, column(maxX));
    int firstRow = Math.max(0, row(minY));
    int lastRow = Math.min(bucketRows - 1, row(maxY));
    // The work of low-zoom tiles, which hold most incidents: a bucket that lies inside one cell is
    // counted whole, or by testing only the selection; only buckets across cell borders place points.
    for (int row = firstRow; row <= lastRow; row++) {
      double bucketMinY = originY + row * BUCKET_SIZE;
      double bucketMaxY = bucketMinY + BUCKET_SIZE;
      for (int column = firstColumn; column <= lastColumn; column++) {
        int bucket = bucket(column, row);
        int start = bucketStart[bucket];
        int end = bucketStart[bucket + 1];
        if (start == end) {
          continue;
        }
        double bucketMinX = originX + column * BUCKET_SIZE;
        double bucketMaxX = bucketMinX + BUCKET_SIZE;
        int cell = cellHolding(bucketMinX, bucketMaxX, bucketMinY, bucketMaxY, minX, maxX, minY, maxY,
            columnsPerUnit, rowsPerUnit, side);
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
          double x = mercatorX[i];
          double y = mercatorY[i];
          if (x >= minX && x < maxX && y > minY && y <= maxY && selection.test(i)) {
            int cellColumn = Math.min(side - 1, (int) ((x - minX) * columnsPerUnit));
            int cellRow = Math.min(side - 1, (int) ((maxY - y) * rowsPerUnit));
            counts[cellRow * side + cellColumn]++;
          }
        }
      }
    }
    return counts;
  }

  /**
   * As {@link #forEach(Envelope, Selection, IntConsumer)} for an extent in a map CRS: Web Mercator,
   * or RD New, tested on the incidents' RD New coordinates.
   */
  public void forEach(Crs crs, Envelope extent, Selection selection, IntConsumer action) {
    if (crs == Crs.WEB_MERCATOR) {
      forEach(extent, selection, action);
      return;
    }
    requireMapCrs(crs);
    forEach(mercatorCover(extent), selection, i -> {
      if (extent.contains(rdX[i], rdY[i])) {
        action.accept(i);
      }
    });
  }

  /**
   * As {@link #countCells(Envelope, Selection, int)} for an extent in a map CRS: the cells of an RD
   * New extent are squares of RD New, with the same rule for incidents on their borders.
   */
  public int[] countCells(Crs crs, Envelope extent, Selection selection, int side) {
    if (crs == Crs.WEB_MERCATOR) {
      return countCells(extent, selection, side);
    }
    requireMapCrs(crs);
    int[] counts = new int[side * side];
    if (size == 0 || extent.isNull()) {
      return counts;
    }
    double minX = extent.getMinX();
    double maxX = extent.getMaxX();
    double minY = extent.getMinY();
    double maxY = extent.getMaxY();
    double columnsPerUnit = side / extent.getWidth();
    double rowsPerUnit = side / extent.getHeight();
    forEach(mercatorCover(extent), selection, i -> {
      double x = rdX[i];
      double y = rdY[i];
      if (x >= minX && x < maxX && y > minY && y <= maxY) {
        int cellColumn = Math.min(side - 1, (int) ((x - minX) * columnsPerUnit));
        int cellRow = Math.min(side - 1, (int) ((maxY - y) * rowsPerUnit));
        counts[cellRow * side + cellColumn]++;
      }
    });
    return counts;
  }

  /** An incident's x in a map CRS. */
  public double x(Crs crs, int incident) {
    requireMapCrs(crs);
    return crs == Crs.WEB_MERCATOR ? mercatorX[incident] : rdX[incident];
  }

  /** An incident's y in a map CRS. */
  public double y(Crs crs, int incident) {
    requireMapCrs(crs);
    return crs == Crs.WEB_MERCATOR ? mercatorY[incident] : rdY[incident];
  }

  private static void requireMapCrs(Crs crs) {
    if (crs != Crs.RD_NEW && crs != Crs.WEB_MERCATOR) {
      throw new IllegalArgumentException("incidents are indexed in RD New and Web Mercator, not " + crs);
    }
  }

  /**
   * A Web Mercator envelope that holds an RD New one: its outline followed in 16 steps a side (the
   * map between the two bends gently) and widened by 1 % for what bends between the steps.
   */
  private static Envelope mercatorCover(Envelope rd) {
    Geometry outline = Densifier.densify(new GeometryFactory().toGeometry(rd),
        Math.max(rd.getWidth(), rd.getHeight()) / 16);
    Envelope cover = new Envelope(CrsTransform.transform(outline, Crs.RD_NEW, Crs.WEB_MERCATOR)
        .getEnvelopeInternal());
    cover.expandBy(Math.max(1, cover.getWidth() * 0.01));
    return cover;
  }

  /** The extent of cell {@code cell} (row by row from the north) of {@link #countCells}'s raster. */
  public static Envelope cellExtent(Envelope mercator, int side, int cell) {
    double width = mercator.getWidth() / side;
    double height = mercator.getHeight() / side;
    double minX = mercator.getMinX() + (cell % side) * width;
    double maxY = mercator.getMaxY() - (cell / side) * height;
    return new Envelope(minX, minX + width, maxY - height, maxY);
  }

  /**
   * The cell that holds all of a bucket, or -1 if the bucket reaches over a cell border or the
   * tile's edge. The bucket is widened by a micrometre (its points were placed by floating-point
   * division) and its corners are placed with the arithmetic used for single points; that is
   * monotonic, so when both corners land in one cell, so does every point between them.
   */
  private static int cellHolding(double bucketMinX, double bucketMaxX, double bucketMinY, double bucketMaxY,
      double minX, double maxX, double minY, double maxY, double columnsPerUnit, double rowsPerUnit, int side) {
    double west = bucketMinX - 1e-6;
    double east = bucketMaxX + 1e-6;
    double south = bucketMinY - 1e-6;
    double north = bucketMaxY + 1e-6;
    if (west < minX || east >= maxX || south <= minY || north > maxY) {
      return -1;
    }
    int firstColumn = (int) ((west - minX) * columnsPerUnit);
    int lastColumn = (int) ((east - minX) * columnsPerUnit);
    int firstRow = (int) ((maxY - north) * rowsPerUnit);
    int lastRow = (int) ((maxY - south) * rowsPerUnit);
    if (firstColumn != lastColumn || firstRow != lastRow || lastColumn >= side || lastRow >= side) {
      return -1;
    }
    return firstRow * side + firstColumn;
  }

  /** Calls {@code action} with every selected incident, wherever it lies. */
  public void forEach(Selection selection, IntConsumer action) {
    for (int i = 0; i < size; i++) {
      if (selection.test(i)) {
        action.accept(i);
      }
    }
  }

  /** Selected incidents per municipality code. */
  public Map<String, Long> countsByMunicipality(Selection selection) {
    long[] counts = new long[municipalities.size()];
    forEach(selection, i -> counts[municipality[i]]++);
    Map<String, Long> byCode = new HashMap<>();
    for (int m = 0; m < counts.length; m++) {
      if (counts[m] > 0 && municipalities.get(m) != null) {
        byCode.put(municipalities.get(m), counts[m]);
      }
    }
    return byCode;
  }

  /** The latest incident time, or null without incidents. */
  public Instant latest() {
    long latest = Long.MIN_VALUE;
    for (int i = 0; i < size; i++) {
      latest = Math.max(latest, occurredAt[i]);
    }
    return size == 0 ? null : Instant.ofEpochMilli(latest);
  }

  public double mercatorX(int incident) {
    return mercatorX[incident];
  }

  public double mercatorY(int incident) {
    return mercatorY[incident];
  }

  public double rdX(int incident) {
    return rdX[incident];
  }

  public double rdY(int incident) {
    return rdY[incident];
  }

  public String sourceId(int incident) {
    return sourceId[incident];
  }

  public String category(int incident) {
    return categories.get(category[incident]);
  }

  public Instant occurredAt(int incident) {
    return Instant.ofEpochMilli(occurredAt[incident]);
  }

  /**
   * The time as {@link Instant#toString()} writes it (2024-03-01T20:30:00Z), written directly for
   * whole seconds in years 1000-9999: raw-point tiles write thousands per tile.
   */
  public String occurredAtText(int incident) {
    long millis = occurredAt[incident];
    long seconds = Math.floorDiv(millis, 1000);
    LocalDateTime time = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
    if (millis % 1000 != 0 || time.getYear() < 1000 || time.getYear() > 9999) {
      return Instant.ofEpochMilli(millis).toString();
    }
    char[] text = "0000-00-00T00:00:00Z".toCharArray();
    digits(text, 0, time.getYear(), 4);
    digits(text, 5, time.getMonthValue(), 2);
    digits(text, 8, time.getDayOfMonth(), 2);
    digits(text, 11, time.getHour(), 2);
    digits(text, 14, time.getMinute(), 2);
    digits(text, 17, time.getSecond(), 2);
    return new String(text);
  }

  private static void digits(char[] text, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      text[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  /** The incident's municipality code, or null when it has none. */
  public String municipality(int incident) {
    return municipalities.get(municipality[incident]);
  }

  public boolean demo(int incident) {
    return demo[incident];
  }

  /** Whether any incident is demonstration data: outputs then say so (viewer banner, snapshot watermark). */
  public boolean containsDemo() {
    return containsDemo;
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
