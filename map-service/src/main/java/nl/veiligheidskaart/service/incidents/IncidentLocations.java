package nl.veiligheidskaart.service.incidents;

/**
 * The locations (RD New metres) and times of selected incidents, as arrays for the analyses,
 * ordered by time and then by source id, so that an analysis adds its floating-point sums in the
 * same order whichever implementation answered.
 */
public record IncidentLocations(double[] xs, double[] ys, long[] occurredAtMillis) {

  public int size() {
    return xs.length;
  }
}
