package nl.veiligheidskaart.service.store;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.locationtech.jts.geom.MultiPolygon;

/** A holiday park, with the signals that point to misuse. */
@Entity
@Table(name = "holiday_park")
public class HolidayParkEntity extends RiskLocationEntity<MultiPolygon, HolidayParkAttributes> {

  protected HolidayParkEntity() {
  }

  public HolidayParkEntity(String sourceId) {
    super(sourceId);
  }
}
