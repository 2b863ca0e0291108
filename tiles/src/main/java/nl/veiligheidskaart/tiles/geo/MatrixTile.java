package nl.veiligheidskaart.tiles.geo;

import org.locationtech.jts.geom.Envelope;

/**
 * One tile of a {@link TileMatrixSet}: its level (the tile matrix), row (from the top) and column
 * (from the left).
 */
public record MatrixTile(TileMatrixSet set, int level, int row, int column) {

  /** Which part of a tile's address is wrong, named as OGC API - Tiles names the path parameters. */
  public enum Part {
    TILE_MATRIX("tileMatrix"), TILE_ROW("tileRow"), TILE_COL("tileCol");

    private final String parameter;

    Part(String parameter) {
      this.parameter = parameter;
    }

    public String parameter() {
      return parameter;
    }
  }

  /** A tile address outside its set, with the part that is out of range. */
  public static final class OutOfRangeException extends IllegalArgumentException {
    private final Part part;

    OutOfRangeException(Part part, String message) {
      super(message);
      this.part = part;
    }

    public Part part() {
      return part;
    }
  }

  /** @throws OutOfRangeException when the level, row or column does not exist in the set */
  public MatrixTile {
    if (level < 0 || level > set.maxLevel()) {
      throw new OutOfRangeException(Part.TILE_MATRIX, "tile matrix " + level + " is outside 0.." + set.maxLevel()
          + " of " + set.id());
    }
    int last = set.matrixSize(level) - 1;
    if (row < 0 || row > last) {
      throw new OutOfRangeException(Part.TILE_ROW, "tile row " + row + " is outside 0.." + last + " of tile matrix "
          + level + " of " + set.id());
    }
    if (column < 0 || column > last) {
      throw new OutOfRangeException(Part.TILE_COL, "tile column " + column + " is outside 0.." + last
          + " of tile matrix " + level + " of " + set.id());
    }
  }

  /** The tile's extent in the set's CRS (metres). */
  public Envelope bounds() {
    double span = set.tileSpan(level);
    double minX = set.originX() + column * span;
    double maxY = set.originY() - row * span;
    return new Envelope(minX, minX + span, maxY - span, maxY);
  }

  @Override
  public String toString() {
    return set.id() + "/" + level + "/" + row + "/" + column;
  }
}
