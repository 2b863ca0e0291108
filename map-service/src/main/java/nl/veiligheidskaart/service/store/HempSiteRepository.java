package nl.veiligheidskaart.service.store;

/** Dismantled hemp plantations. */
public interface HempSiteRepository extends RiskLocationRepository<HempSiteEntity> {
}
