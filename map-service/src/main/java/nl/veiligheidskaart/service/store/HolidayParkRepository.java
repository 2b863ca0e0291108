package nl.veiligheidskaart.service.store;

/** Holiday parks. */
public interface HolidayParkRepository extends RiskLocationRepository<HolidayParkEntity> {
}
