package nl.veiligheidskaart.service.store;

/** Where a dismantled hemp plantation was found. */
public enum HempSiteType {
  HOUSE, BUSINESS_PREMISES, OUTDOOR, OTHER
}
