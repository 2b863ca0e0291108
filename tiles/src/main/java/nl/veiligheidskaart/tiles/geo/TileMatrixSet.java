package nl.veiligheidskaart.tiles.geo;

import nl.veiligheidskaart.geodata.crs.Crs;
import org.locationtech.jts.geom.Envelope;

/**
 * The tile matrix sets the map layers are tiled in, as the OGC Two Dimensional Tile Matrix Set
 * standard (OGC 17-083r4, TMS 2.0) defines them: square tiles of 256 pixels, one tile at level 0,
 * each level halving the scale denominator (so four tiles per tile of the level above), the origin
 * at the top-left corner, rows counted southward and columns eastward.
 *
 * <ul>
 * <li>{@link #WEB_MERCATOR_QUAD}: the XYZ tiling of Leaflet, QGIS and ArcGIS (EPSG:3857); level
 *     {@code z}, row {@code y}, column {@code x} is XYZ tile {@code z/x/y}.
 * <li>{@link #NETHERLANDS_RD_NEW_QUAD}: the Dutch national tiling in RD New (EPSG:28992) that PDOK
 *     and the Geonovum vector-tiling guideline use: origin (-285 401.92, 903 401.92), scale
 *     denominator 12 288 000 at level 0 (3 440.64 m a pixel), levels 0 to 16. Level 2, row 1,
 *     column 1 ends exactly at the RD false origin (155 000, 463 000).
 * </ul>
 *
 * A cell (pixel) measures {@code scaleDenominator × 0.28 mm} (the standard's rendering pixel); both
 * CRSs are in metres.
 */
public enum TileMatrixSet {

  WEB_MERCATOR_QUAD("WebMercatorQuad", "Google Maps Compatible for the World", Crs.WEB_MERCATOR,
      -TileCoordinate.WORLD_HALF_WIDTH, TileCoordinate.WORLD_HALF_WIDTH, 2 * TileCoordinate.WORLD_HALF_WIDTH,
      TileCoordinate.MAX_ZOOM,
      "http://www.opengis.net/def/wkss/OGC/1.0/GoogleMapsCompatible"),
  NETHERLANDS_RD_NEW_QUAD("NetherlandsRDNewQuad", "Amersfoort / RD New scheme for the Netherlands", Crs.RD_NEW,
      // 880 803.84 m = 256 pixels of 3 440.64 m (scale denominator 12 288 000)
      -285401.92, 903401.92, 880_803.84, 16, "http://www.opengis.net/def/wkss/OGC/1.0/NLDEPSG28992Scale");

  /** Tile width and height in pixels. */
  public static final int TILE_SIZE = 256;
  /** The standardised rendering pixel of OGC (0.28 mm), linking scale denominators and cell sizes. */
  public static final double STANDARD_PIXEL_METRES = 0.00028;
  private static final String URI_PREFIX = "http://www.opengis.net/def/tilematrixset/OGC/1.0/";

  private final String id;
  private final String title;
  private final Crs crs;
  private final double originX;
  private final double originY;
  /** The side of the level-0 tile in metres; every span and scale follows from it. */
  private final double topTileSpan;
  private final int maxLevel;
  private final String wellKnownScaleSet;

  TileMatrixSet(String id, String title, Crs crs, double originX, double originY, double topTileSpan,
      int maxLevel, String wellKnownScaleSet) {
    this.id = id;
    this.title = title;
    this.crs = crs;
    this.originX = originX;
    this.originY = originY;
    this.topTileSpan = topTileSpan;
    this.maxLevel = maxLevel;
    this.wellKnownScaleSet = wellKnownScaleSet;
  }

  /** The identifier in URLs, e.g. {@code NetherlandsRDNewQuad}. */
  public String id() {
    return id;
  }

  public String title() {
    return title;
  }

  /** The OGC definition's URI, e.g. {@code http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad}. */
  public String uri() {
    return URI_PREFIX + id;
  }

  public Crs crs() {
    return crs;
  }

  public String wellKnownScaleSet() {
    return wellKnownScaleSet;
  }

  /** The top-left corner of every level, in the CRS's metres (x east, y north). */
  public double originX() {
    return originX;
  }

  public double originY() {
    return originY;
  }

  /** The deepest level served (both sets start at level 0). */
  public int maxLevel() {
    return maxLevel;
  }

  public double scaleDenominator(int level) {
    return cellSize(level) / STANDARD_PIXEL_METRES;
  }

  /** Metres per pixel at a level. */
  public double cellSize(int level) {
    return tileSpan(level) / TILE_SIZE;
  }

  /** Tiles per row and per column at a level. */
  public int matrixSize(int level) {
    return 1 << checkedLevel(level);
  }

  /** The side of a tile at a level in metres. */
  public double tileSpan(int level) {
    return topTileSpan / (1L << checkedLevel(level));
  }

  /**
   * A tile's extent in the set's CRS.
   *
   * @throws IllegalArgumentException when the level, row or column is outside the set
   */
  public Envelope tileEnvelope(int level, int row, int column) {
    return new MatrixTile(this, level, row, column).bounds();
  }

  /** The envelope all tiles of the set cover: the level-0 tile. */
  public Envelope extent() {
    return tileEnvelope(0, 0, 0);
  }

  /** The tile of a level that holds a point of the set's CRS, clamped to the matrix at its edges. */
  public MatrixTile tileContaining(int level, double x, double y) {
    double span = tileSpan(level);
    int last = matrixSize(level) - 1;
    int column = (int) Math.floor((x - originX) / span);
    int row = (int) Math.floor((originY - y) / span);
    return new MatrixTile(this, level, Math.min(Math.max(row, 0), last), Math.min(Math.max(column, 0), last));
  }

  private int checkedLevel(int level) {
    if (level < 0 || level > maxLevel) {
      throw new IllegalArgumentException("level " + level + " is outside 0.." + maxLevel + " of " + id);
    }
    return level;
  }
}
