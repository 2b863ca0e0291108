package nl.veiligheidskaart.service.hotspots;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * The municipalities a municipality-level analysis ran on, sorted by code: index {@code i} of
 * every array of its result is municipality {@code i} here.
 *
 * @param boundaries the newest boundaries in RD New
 * @param counts incidents, or the area statistics' counts
 * @param values what was analysed: the counts, or counts per km² of the municipality
 */
public record MunicipalityValues(List<String> codes, List<String> names, List<Geometry> boundaries, long[] counts,
    double[] values) {

  public int size() {
    return codes.size();
  }
}
