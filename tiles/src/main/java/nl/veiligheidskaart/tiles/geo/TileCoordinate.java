package nl.veiligheidskaart.tiles.geo;

import org.locationtech.jts.geom.Envelope;

/**
 * The address of one XYZ tile in the Web Mercator (EPSG:3857) tiling that Leaflet, QGIS and
 * ArcGIS share: zoom 0 is one tile covering the world, x grows eastward and y southward.
 */
public record TileCoordinate(int z, int x, int y) {

  /** Half the width of the Web Mercator world in metres (π · 6 378 137). */
  public static final double WORLD_HALF_WIDTH = 20037508.342789244;

  /** Beyond zoom 22 a tile is smaller than 1 cm²; no map layer needs that. */
  public static final int MAX_ZOOM = 22;

  public TileCoordinate {
    if (z < 0 || z > MAX_ZOOM) {
      throw new IllegalArgumentException("zoom " + z + " is outside 0.." + MAX_ZOOM);
    }
    int tiles = 1 << z;
    if (x < 0 || x >= tiles || y < 0 || y >= tiles) {
      throw new IllegalArgumentException("tile " + z + "/" + x + "/" + y + " does not exist: at zoom " + z
          + " x and y run from 0 to " + (tiles - 1));
    }
  }

  /** The tile's extent in EPSG:3857 metres. */
  public Envelope bounds() {
    return matrixTile().bounds();
  }

  /** The same tile in the OGC tile matrix set {@link TileMatrixSet#WEB_MERCATOR_QUAD}: row y, column x. */
  public MatrixTile matrixTile() {
    return new MatrixTile(TileMatrixSet.WEB_MERCATOR_QUAD, z, y, x);
  }

  /** The tile at zoom {@code z} that contains a Web Mercator point. */
  public static TileCoordinate containing(double mercatorX, double mercatorY, int z) {
    int tiles = 1 << z;
    double size = 2 * WORLD_HALF_WIDTH / tiles;
    int x = (int) Math.floor((mercatorX + WORLD_HALF_WIDTH) / size);
    int y = (int) Math.floor((WORLD_HALF_WIDTH - mercatorY) / size);
    return new TileCoordinate(z, Math.min(Math.max(x, 0), tiles - 1), Math.min(Math.max(y, 0), tiles - 1));
  }

  @Override
  public String toString() {
    return z + "/" + x + "/" + y;
  }
}
