package nl.veiligheidskaart.service.api;

/**
 * A kernel density raster in RD New: cell (c, r) of {@code values[r * columns + c]} covers
 * [west + c·cellSize, west + (c+1)·cellSize) × [north − (r+1)·cellSize, north − r·cellSize),
 * rows from north to south as in an image, values in incidents per km².
 */
public record DensityRaster(String crs, double cellSize, double west, double north, int columns, int rows,
    String unit, double[] values, AnalysisReport analysis) {
}
