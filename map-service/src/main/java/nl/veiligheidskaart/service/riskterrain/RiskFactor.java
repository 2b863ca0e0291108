package nl.veiligheidskaart.service.riskterrain;

/**
 * A risk factor the model chose: one layer in one operationalisation at one influence distance,
 * with its negative binomial coefficient.
 *
 * @param rank 1 for the largest relative risk value
 * @param distance the influence distance in metres, a multiple of the cell size
 * @param relativeRiskValue exp(coefficient): how many times as many incidents a cell with the factor
 *     is expected to have as one without, the other factors equal
 * @param p two-sided Wald p of the coefficient
 */
public record RiskFactor(int rank, String layer, Operationalisation operationalisation, double distance,
    double coefficient, double standardError, double relativeRiskValue, double p) {

  /** How a layer becomes a 0/1 value per cell. */
  public enum Operationalisation {
    /** the cell's centre lies within the distance of a location */
    PROXIMITY,
    /** the layer's kernel density (bandwidth the distance) at the cell is above its mean */
    DENSITY
  }
}
