package nl.veiligheidskaart.service.analysis;

/** Test study areas: a full square block of side × side cells from the RD origin. */
final class SquareBlocks {

  private SquareBlocks() {
  }

  static StudyArea of(int side, double cellSize) {
    int[] columns = new int[side * side];
    int[] rows = new int[side * side];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = i % side;
      rows[i] = i / side;
    }
    return StudyArea.ofCells(new SquareGrid(cellSize), columns, rows);
  }
}
