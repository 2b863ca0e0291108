package nl.veiligheidskaart.service.store;

/** Whether an outlaw motorcycle gang clubhouse is in use. */
public enum ClubhouseStatus {
  ACTIVE, CLOSED
}
