package nl.veiligheidskaart.service.store;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.locationtech.jts.geom.Point;

/** A dismantled hemp plantation. */
@Entity
@Table(name = "hemp_site")
public class HempSiteEntity extends RiskLocationEntity<Point, HempSiteAttributes> {

  protected HempSiteEntity() {
  }

  public HempSiteEntity(String sourceId) {
    super(sourceId);
  }
}
