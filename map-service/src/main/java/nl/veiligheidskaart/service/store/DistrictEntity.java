package nl.veiligheidskaart.service.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.locationtech.jts.geom.MultiPolygon;

/**
 * A police district (coinciding with the safety region of the same name). Its geometry is the
 * dissolve of its municipalities' newest boundaries, so districts and municipalities nest exactly.
 */
@Entity
@Table(name = "district")
public class DistrictEntity {

  @Id
  @Column(length = 8)
  private String code;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String province;

  private MultiPolygon geometry;

  protected DistrictEntity() {
  }

  public DistrictEntity(String code, String name, String province) {
    this.code = code;
    update(name, province);
  }

  public final void update(String name, String province) {
    this.name = name;
    this.province = province;
  }

  public void setGeometry(MultiPolygon geometry) {
    this.geometry = geometry;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public String getProvince() {
    return province;
  }

  public MultiPolygon getGeometry() {
    return geometry;
  }
}
