package nl.veiligheidskaart.service.store;

/** OMG clubhouses. */
public interface OmgClubhouseRepository extends RiskLocationRepository<OmgClubhouseEntity> {
}
