package nl.veiligheidskaart.service.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A municipality of the fact table; its boundaries live apart, one row per vintage. */
@Entity
@Table(name = "municipality")
public class MunicipalityEntity {

  @Id
  @Column(length = 6)
  private String code;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String province;

  @Column(name = "district_code", nullable = false, length = 8)
  private String districtCode;

  protected MunicipalityEntity() {
  }

  public MunicipalityEntity(String code, String name, String province, String districtCode) {
    this.code = code;
    update(name, province, districtCode);
  }

  public final void update(String name, String province, String districtCode) {
    this.name = name;
    this.province = province;
    this.districtCode = districtCode;
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

  public String getDistrictCode() {
    return districtCode;
  }
}
