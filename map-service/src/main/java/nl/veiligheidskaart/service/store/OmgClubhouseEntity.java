package nl.veiligheidskaart.service.store;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.locationtech.jts.geom.Point;

/** A clubhouse of an outlaw motorcycle gang (OMG) chapter. */
@Entity
@Table(name = "omg_clubhouse")
public class OmgClubhouseEntity extends RiskLocationEntity<Point, OmgClubhouseAttributes> {

  protected OmgClubhouseEntity() {
  }

  public OmgClubhouseEntity(String sourceId) {
    super(sourceId);
  }
}
