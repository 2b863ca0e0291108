package nl.veiligheidskaart.geodata.contiguity;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Which areas border on which: the contiguity graph behind the waterbed (displacement) buffer and
 * the spatial weights of area statistics.
 *
 * <p>Queen contiguity: two areas are neighbours when they share a border or only a corner. A
 * distance tolerance absorbs slivers and gaps between independently digitised or simplified
 * boundaries. Candidate pairs come from an STRtree of envelopes grown by the tolerance, so the
 * cost grows with the number of areas times their neighbours, not with its square.
 *
 * <p>Immutable and thread-safe.
 */
public final class MunicipalityContiguity {

  /** One metre: closes rounding gaps of boundaries in whole RD metres without bridging streets. */
  public static final double DEFAULT_TOLERANCE_METRES = 1.0;

  private final SortedMap<String, SortedSet<String>> neighboursByCode;
  private final int pairCount;

  private MunicipalityContiguity(SortedMap<String, SortedSet<String>> neighboursByCode,
      int pairCount) {
    this.neighboursByCode = neighboursByCode;
    this.pairCount = pairCount;
  }

  /** {@link #queen(Map, double)} with {@link #DEFAULT_TOLERANCE_METRES}. */
  public static MunicipalityContiguity queen(Map<String, Geometry> areasByCode) {
    return queen(areasByCode, DEFAULT_TOLERANCE_METRES);
  }

  /**
   * The queen contiguity of the areas: neighbours when their distance is at most
   * {@code toleranceMetres} (in the units of the geometries; metres in RD New).
   *
   * @throws IllegalArgumentException if the tolerance is negative or not finite
   */
  public static MunicipalityContiguity queen(Map<String, Geometry> areasByCode,
      double toleranceMetres) {
    if (!(toleranceMetres >= 0) || Double.isInfinite(toleranceMetres)) {
      throw new IllegalArgumentException(
          "Tolerance must be a finite distance of 0 m or more, was " + toleranceMetres);
    }
    STRtree index = new STRtree();
    areasByCode.forEach((code, area) -> index.insert(
        grown(Objects.requireNonNull(area, "area of " + code), toleranceMetres), code));

    SortedMap<String, SortedSet<String>> neighbours = new TreeMap<>();
    areasByCode.keySet().forEach(code -> neighbours.put(code, new TreeSet<>()));
    int pairs = 0;
    for (Map.Entry<String, Geometry> entry : areasByCode.entrySet()) {
      String code = entry.getKey();
      Geometry area = entry.getValue();
      @SuppressWarnings("unchecked")
      List<String> candidates = index.query(grown(area, toleranceMetres));
      for (String candidate : candidates) {
        // each pair once: from its smaller code
        if (code.compareTo(candidate) < 0
            && area.isWithinDistance(areasByCode.get(candidate), toleranceMetres)) {
          neighbours.get(code).add(candidate);
          neighbours.get(candidate).add(code);
          pairs++;
        }
      }
    }
    neighbours.replaceAll((code, set) -> Collections.unmodifiableSortedSet(set));
    return new MunicipalityContiguity(Collections.unmodifiableSortedMap(neighbours), pairs);
  }

  /** The neighbours of {@code code}, sorted; empty for a code that is not in the graph. */
  public SortedSet<String> neighbours(String code) {
    return neighboursByCode.getOrDefault(code, Collections.emptySortedSet());
  }

  /** The codes of all areas, sorted, including areas without neighbours. */
  public Set<String> codes() {
    return neighboursByCode.keySet();
  }

  /** The number of neighbour pairs, each pair counted once. */
  public int pairCount() {
    return pairCount;
  }

  private static Envelope grown(Geometry area, double tolerance) {
    Envelope envelope = new Envelope(area.getEnvelopeInternal());
    envelope.expandBy(tolerance);
    return envelope;
  }
}
