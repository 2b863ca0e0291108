package nl.veiligheidskaart.service.api;

import java.util.List;

/**
 * A map snapshot to make (POST /api/v1/snapshots). The view is {@code bbox} (minX, minY, maxX,
 * maxY in {@code bboxCrs}: CRS84 by default, or EPSG:28992) or {@code area} (a municipality or
 * district code); everything else has a default: layers {@code municipalities}, all categories,
 * all time, measure {@code count}, PDF, A4 landscape, 150 dpi (PNG only).
 */
public record SnapshotRequest(List<Double> bbox, String bboxCrs, String area, List<String> layers,
    List<String> category, String from, String to, String measure, String title, String subtitle, String format,
    String pageSize, String orientation, Integer dpi) {
}
