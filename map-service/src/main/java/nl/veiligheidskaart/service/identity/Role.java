package nl.veiligheidskaart.service.identity;

/**
 * The roles of the safety network (see DESIGN.md, privacy and access). What each may see is
 * decided per endpoint; the role only says who the user is to the data.
 */
public enum Role {
  /** Police and municipal analysts: all layers, raw points included. */
  ANALYST,
  /** Staff of one municipality: aggregates for its own area and its neighbours. */
  MUNICIPALITY,
  /** The board of mayors, police and prosecution: aggregates and snapshots. */
  BBG,
  /** Functional administrators: imports and user accounts. */
  ADMIN;

  /** Whether figures drawn from incidents are any of this role's business (ADMIN's are not). */
  public boolean seesIncidentFigures() {
    return this != ADMIN;
  }

  public String authority() {
    return "ROLE_" + name();
  }
}
